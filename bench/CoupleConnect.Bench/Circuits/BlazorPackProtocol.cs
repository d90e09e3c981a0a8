using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace CoupleConnect.Bench.Circuits;

/// <summary>
/// SignalR's MessagePack protocol under the name Blazor's hub accepts: "blazorpack" is MessagePack with Blazor's own
/// name (the server's BlazorPackHubProtocol), so the stock client protocol only needs to be announced differently.
/// </summary>
public sealed class BlazorPackProtocol : IHubProtocol
{
    private readonly MessagePackHubProtocol _messagePack = new();

    public string Name => "blazorpack";

    public int Version => _messagePack.Version;

    public TransferFormat TransferFormat => TransferFormat.Binary;

    public bool IsVersionSupported(int version) => _messagePack.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
        _messagePack.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _messagePack.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _messagePack.GetMessageBytes(message);
}
