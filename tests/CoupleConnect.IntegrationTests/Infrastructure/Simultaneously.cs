namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>Two calls released at the same instant (two phones): both wait at a gate that opens once both are ready.</summary>
public static class Simultaneously
{
    public static async Task<(T First, T Second)> RunAsync<T>(Func<Task<T>> first, Func<Task<T>> second)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var ready = new CountdownEvent(2);
        Task<T> Start(Func<Task<T>> call) => Task.Run(async () =>
        {
            ready.Signal();
            await gate.Task;
            return await call();
        });

        var firstTask = Start(first);
        var secondTask = Start(second);
        Assert.True(await Task.Run(() => ready.Wait(TimeSpan.FromSeconds(30))), "The two calls never both got ready.");
        gate.SetResult();
        var results = await Task.WhenAll(firstTask, secondTask);
        return (results[0], results[1]);
    }
}
