using System.Text.Json;
using Microsoft.Playwright;

namespace CoupleConnect.E2E.Tests.Install;

/// <summary>
/// The page's service worker as a CDP target, to run script inside the worker (Playwright for .NET doesn't list
/// service workers). Messages go through the browser session (Target.sendMessageToTarget) and answers come back as
/// Target.receivedMessageFromTarget events.
/// </summary>
public sealed class ServiceWorkerTarget : IAsyncDisposable
{
    private readonly ICDPSession _browser;
    private readonly string _sessionId;
    private readonly Dictionary<int, TaskCompletionSource<JsonElement>> _pending = [];
    private int _nextId;

    private ServiceWorkerTarget(ICDPSession browser, string sessionId)
    {
        _browser = browser;
        _sessionId = sessionId;
        browser.Event("Target.receivedMessageFromTarget").OnEvent += (_, received) =>
        {
            if (received?.GetProperty("sessionId").GetString() != _sessionId)
            {
                return;
            }

            using var message = JsonDocument.Parse(received.Value.GetProperty("message").GetString()!);
            if (message.RootElement.TryGetProperty("id", out var id) && _pending.Remove(id.GetInt32(), out var answer))
            {
                answer.TrySetResult(message.RootElement.Clone());
            }
        };
    }

    /// <summary>Attaches to the worker at <paramref name="scriptAddress"/> in the page's browser context.</summary>
    public static async Task<ServiceWorkerTarget> AttachAsync(IBrowser browser, IPage page, string scriptAddress)
    {
        var pageSession = await page.Context.NewCDPSessionAsync(page);
        var pageInfo = await pageSession.SendAsync("Target.getTargetInfo");
        var contextId = pageInfo!.Value.GetProperty("targetInfo").GetProperty("browserContextId").GetString();
        var session = await browser.NewBrowserCDPSessionAsync();
        var targets = await session.SendAsync("Target.getTargets");
        var worker = targets!.Value.GetProperty("targetInfos").EnumerateArray().Single(target =>
            target.GetProperty("type").GetString() == "service_worker"
            && target.GetProperty("browserContextId").GetString() == contextId
            && target.GetProperty("url").GetString()!.StartsWith(scriptAddress, StringComparison.Ordinal));
        var attached = await session.SendAsync("Target.attachToTarget", new Dictionary<string, object>
        {
            ["targetId"] = worker.GetProperty("targetId").GetString()!,
            ["flatten"] = false,
        });
        return new ServiceWorkerTarget(session, attached!.Value.GetProperty("sessionId").GetString()!);
    }

    /// <summary>Runs an expression in the worker, awaiting the promise it returns.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = JsonSerializer.Serialize(new
        {
            id,
            method = "Runtime.evaluate",
            @params = new { expression, awaitPromise = true, returnByValue = true },
        });
        await _browser.SendAsync("Target.sendMessageToTarget", new Dictionary<string, object> { ["sessionId"] = _sessionId, ["message"] = message });
        var result = await answer.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.False(result.TryGetProperty("error", out var error), $"The worker refused: {error}");
        Assert.False(result.GetProperty("result").TryGetProperty("exceptionDetails", out var thrown), $"The worker threw: {thrown}");
        return result.GetProperty("result");
    }

    public async ValueTask DisposeAsync() => await _browser.DetachAsync();
}
