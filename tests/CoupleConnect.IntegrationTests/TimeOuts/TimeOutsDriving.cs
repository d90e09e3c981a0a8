using CoupleConnect.Domain.TimeOuts;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.TimeOuts;
using CoupleConnect.Web.Infrastructure;
using Npgsql;

namespace CoupleConnect.IntegrationTests.TimeOuts;

/// <summary>Time-outs driven through the app's own service, in a scope where the person is signed in, as the page does.</summary>
public static class TimeOutsDriving
{
    public static async Task<T> TimeOutsAsync<T>(this AppDriver app, TestPerson person, Func<TimeOutService, Task<T>> act)
    {
        await using var scope = app.AsUser(person);
        return await act(scope.Get<TimeOutService>());
    }

    public static Task<ServiceResult> CallTimeOutAsync(this AppDriver app, TestPerson person, TimeOutQuickPick pick = TimeOutQuickPick.OneHour) =>
        app.TimeOutsAsync(person, timeOuts => timeOuts.CallAsync(new TimeOutReturnChoice(pick, null)));

    public static async Task<TimeOutPageData> TimeOutPageAsync(this AppDriver app, TestPerson person)
    {
        var loaded = await app.TimeOutsAsync(person, timeOuts => timeOuts.LoadAsync());
        Assert.True(loaded.Succeeded, loaded.Error);
        return loaded.Value!;
    }

    public static async Task<Guid> CurrentTimeOutIdAsync(this AppDriver app, TestPerson person) =>
        (await app.TimeOutPageAsync(person)).Current?.Id ?? throw new InvalidOperationException($"{person.DisplayName} has no current time-out.");

    /// <summary>The note column as a database dump shows it.</summary>
    public static async Task<List<string>> RawNotesAsync(string connectionString, Guid timeOutId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT text FROM time_out_notes WHERE time_out_id = @id", connection);
        command.Parameters.AddWithValue("id", timeOutId);
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }
}
