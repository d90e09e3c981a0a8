using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.Bench.Circuits;

/// <summary>
/// One headless Blazor Server circuit, held the way blazor.web.js holds it (the approach of ASP.NET Core's former
/// Ignitor client): GET the prerendered page, open the /_blazor hub over WebSockets with the blazorpack protocol,
/// StartCircuit, then UpdateRootComponents with the page's server component markers; acknowledge every render batch
/// (OnRenderCompleted), answer every JS interop call with a success (a default result, or a JS object reference where
/// one is expected) so no component waits, and click: an element's event handler id is read from the render batches
/// and the click goes where the browser sends it — BeginInvokeDotNetFromJS("DispatchEventAsync") on the renderer's
/// interop object, whose id the server hands over in Blazor._internal.attachWebRendererInterop.
/// </summary>
public sealed class CircuitClient : IAsyncDisposable
{
    private static readonly string ClickArgs = JsonSerializer.Serialize(new
    {
        detail = 1,
        screenX = 0,
        screenY = 0,
        clientX = 0,
        clientY = 0,
        offsetX = 0,
        offsetY = 0,
        pageX = 0,
        pageY = 0,
        movementX = 0,
        movementY = 0,
        button = 0,
        buttons = 0,
        ctrlKey = false,
        shiftKey = false,
        altKey = false,
        metaKey = false,
        type = "click",
    });

    private readonly ClickTarget _target;
    private readonly Uri _pageUri;
    private readonly string? _cookie;
    private readonly Lock _gate = new();
    private readonly ulong[] _handlers;
    private readonly int[] _owners;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? _hub;
    private long _interopObjectId = -1;
    private long _nextJsObjectId = 1000;
    private long _nextCallId;
    private int _nextTarget;
    private long _clickSentAt;
    private TaskCompletionSource<TimeSpan>? _pendingClick;

    public CircuitClient(Uri pageUri, string? cookie, ClickTarget target)
    {
        _pageUri = pageUri;
        _cookie = cookie;
        _target = target;
        _handlers = new ulong[target.Count];
        _owners = [.. Enumerable.Repeat(-1, target.Count)];
    }

    /// <summary>CC_CIRCUITS_TRACE=1 prints what each render batch and JS call carried (for adapting to a new page).</summary>
    private static bool Trace { get; } = Environment.GetEnvironmentVariable("CC_CIRCUITS_TRACE") == "1";

    public int RenderBatches { get; private set; }

    public int JsCalls { get; private set; }

    /// <summary>Why the circuit failed (a JS.Error from the server, a closed connection), if it did.</summary>
    public string? Failure { get; private set; }

    public bool IsOpen => _hub?.State == HubConnectionState.Connected && Failure is null;

    /// <summary>Prerenders the page, starts the circuit and waits until its first render shows a click target.</summary>
    public async Task StartAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _pageUri);
        if (_cookie is not null)
        {
            request.Headers.Add("Cookie", _cookie);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {_pageUri} answered {(int)response.StatusCode} (location: {response.Headers.Location}).");
        }

        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        var markers = ComponentMarkers.Parse(html);
        if (Trace)
        {
            Console.WriteLine($"[trace] page {html.Length} chars, {markers.ServerMarkers.Count} server markers, component state {markers.ApplicationState.Length} chars");
        }

        if (markers.ServerMarkers.Count == 0)
        {
            throw new InvalidOperationException($"GET {_pageUri} has no interactive server component markers.");
        }

        var hubUri = new Uri(_pageUri, "/_blazor");
        var builder = new HubConnectionBuilder().WithUrl(hubUri, HttpTransportType.WebSockets, options =>
        {
            options.SkipNegotiation = true;
            if (_cookie is not null)
            {
                options.Headers["Cookie"] = _cookie;
            }
        });
        // Registered after the builder's JSON protocol, so the connection uses this one.
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var hub = builder.Build();
        // A one-core server with thousands of circuits answers slowly; the defaults would drop healthy connections.
        hub.HandshakeTimeout = timeout;
        hub.ServerTimeout = TimeSpan.FromMinutes(3);
        hub.Closed += error =>
        {
            Failure ??= "connection closed" + (error is null ? string.Empty : ": " + error.Message);
            _ready.TrySetException(new InvalidOperationException(Failure));
            lock (_gate)
            {
                _pendingClick?.TrySetException(new InvalidOperationException(Failure));
            }

            return Task.CompletedTask;
        };
        hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatch);
        hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], OnBeginInvokeJs);
        hub.On<string, bool, string>("JS.EndInvokeDotNet", OnEndInvokeDotNet);
        hub.On<string>("JS.Error", error =>
        {
            Failure ??= "server error: " + error;
            _ready.TrySetException(new InvalidOperationException(Failure));
        });
        _hub = hub;

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        await hub.StartAsync(timeoutSource.Token);
        var baseUri = new Uri(_pageUri, "/").ToString();
        var secret = await hub.InvokeAsync<string?>("StartCircuit", baseUri, _pageUri.ToString(), "[]", markers.ApplicationState, timeoutSource.Token);
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException("StartCircuit returned no circuit id: " + Failure);
        }

        await hub.SendAsync("UpdateRootComponents", markers.AddOperationsJson(batchId: 1), markers.ApplicationState, timeoutSource.Token);
        await _ready.Task.WaitAsync(timeoutSource.Token);
    }

    /// <summary>Clicks the next target and returns the time until the server's next render batch arrives.</summary>
    public async Task<TimeSpan> ClickAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var hub = _hub ?? throw new InvalidOperationException("Start the circuit first.");
        TaskCompletionSource<TimeSpan> pending;
        ulong handler;
        lock (_gate)
        {
            if (_pendingClick is not null)
            {
                throw new InvalidOperationException("A click is already waiting for its render.");
            }

            _nextTarget = (_nextTarget + 1) % _handlers.Length;
            handler = _handlers[_nextTarget];
            pending = _pendingClick = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            _clickSentAt = Stopwatch.GetTimestamp();
        }

        try
        {
            if (handler == 0)
            {
                throw new InvalidOperationException($"No event handler is known for {_target.Describe(_nextTarget)}.");
            }

            var descriptor = new JsonObject { ["eventHandlerId"] = handler, ["eventName"] = "click", ["eventFieldInfo"] = null };
            var args = $"[{descriptor.ToJsonString()},{ClickArgs}]";
            var callId = Interlocked.Increment(ref _nextCallId).ToString(CultureInfo.InvariantCulture);
            await hub.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", Interlocked.Read(ref _interopObjectId), args, cancellationToken);
            return await pending.Task.WaitAsync(timeout, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _pendingClick = null;
            }
        }
    }

    private void OnRenderBatch(long batchId, byte[] data)
    {
        var now = Stopwatch.GetTimestamp();
        RenderBatchSummary? summary = null;
        try
        {
            summary = RenderBatchReader.Read(data);
        }
        catch (Exception exception) when (exception is InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            Failure ??= "unreadable render batch: " + exception.Message;
        }

        if (Trace && summary is not null)
        {
            Console.WriteLine($"[trace] batch {batchId} ({data.Length} bytes): {summary.UpdatedComponents} components, {summary.ReferenceFrames} frames, disposed [{string.Join(",", summary.DisposedEventHandlerIds)}], " +
                $"set [{string.Join(",", summary.HandlerUpdates.Select(u => $"{u.ComponentId}:{u.EventName}={u.EventHandlerId}"))}], " +
                $"handlers: {string.Join("; ", summary.Elements.Select(e => $"{e.ComponentId}:{e.Name}[{string.Join(",", e.Attributes.Where(a => a.Key is "data-kind" or "class").Select(a => a.Key + "=" + a.Value))}]{string.Join(",", e.EventHandlers.Select(h => h.Key + "=" + h.Value))}"))}");
        }

        lock (_gate)
        {
            RenderBatches++;
            if (summary is not null)
            {
                foreach (var element in summary.Elements)
                {
                    var index = _target.IndexOf(element);
                    if (index >= 0 && element.EventHandlers.TryGetValue("onclick", out var id))
                    {
                        (_handlers[index], _owners[index]) = (id, element.ComponentId);
                    }
                }

                // A re-rendered target keeps its element and gets a new handler id: the onclick its component set.
                foreach (var update in summary.HandlerUpdates)
                {
                    var index = Array.IndexOf(_owners, update.ComponentId);
                    if (index >= 0 && update.EventName == "onclick")
                    {
                        _handlers[index] = update.EventHandlerId;
                    }
                }

                for (var i = 0; i < _handlers.Length; i++)
                {
                    if (summary.DisposedEventHandlerIds.Contains(_handlers[i]))
                    {
                        _handlers[i] = 0;
                    }
                }
            }

            _pendingClick?.TrySetResult(Stopwatch.GetElapsedTime(_clickSentAt, now));
            if (Interlocked.Read(ref _interopObjectId) >= 0 && _handlers.All(id => id != 0))
            {
                _ready.TrySetResult();
            }
        }

        // What blazor.web.js does once the batch is applied; the server holds back further batches without it.
        _ = SendQuietlyAsync("OnRenderCompleted", batchId, null);
    }

    private Task OnBeginInvokeJs(object?[] args)
    {
        var handle = (long)args[0]!;
        var identifier = (string?)args[1];
        var resultType = (int)args[3]!;
        lock (_gate)
        {
            JsCalls++;
        }

        if (Trace)
        {
            Console.WriteLine($"[trace] JS {handle} {identifier} result type {resultType}");
        }

        if (identifier == "Blazor._internal.attachWebRendererInterop" && args[2] is string argsJson)
        {
            // [rendererId, {"__dotNetObject": id}, …]: the object that receives the browser's events.
            var interop = JsonNode.Parse(argsJson)?[1]?["__dotNetObject"];
            if (interop is not null)
            {
                Interlocked.Exchange(ref _interopObjectId, interop.GetValue<long>());
            }
        }

        if (handle == 0)
        {
            return Task.CompletedTask;
        }

        // JSCallResultType.JSObjectReference = 1: the caller expects a reference (a module import, an instance).
        // Known limit: every other call gets null, so the few MudBlazor start-up calls that expect a value
        // (window.hasOwnProperty, getBrowserWindowSize, mudGetSvgBBox, isDarkMode) fail to deserialize and MudBlazor
        // catches it; a browser would answer them (see bench/results/circuits.md, "Limits of this measurement").
        var result = resultType == 1
            ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJsObjectId)}}}"
            : "null";
        return SendQuietlyAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
    }

    private void OnEndInvokeDotNet(string callId, bool succeeded, string result)
    {
        if (!succeeded)
        {
            Failure ??= $"DispatchEventAsync call {callId} failed: {result}";
        }
    }

    private async Task SendQuietlyAsync(string method, object? a, object? b, object? c = null)
    {
        var hub = _hub;
        if (hub is null || hub.State != HubConnectionState.Connected)
        {
            return;
        }

        try
        {
            if (method == "OnRenderCompleted")
            {
                await hub.SendAsync(method, a, b);
            }
            else
            {
                await hub.SendAsync(method, a, b, c);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or OperationCanceledException)
        {
            Failure ??= $"{method} could not be sent: {exception.Message}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }
}
