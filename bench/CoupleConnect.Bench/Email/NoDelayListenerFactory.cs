using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace CoupleConnect.Bench.Email;

/// <summary>
/// The SmtpServer package's listener with TCP_NODELAY on each accepted connection. Without it the package writes each
/// pipelined reply (250, 250, 354) as its own small segment and Nagle holds the second until the client's delayed ACK
/// (40 ms on Linux), a stall per message no production server (Postfix answers a pipelined group in one write) has.
/// </summary>
public sealed class NoDelayListenerFactory : IEndpointListenerFactory
{
    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        return new Listener(listener);
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties.Add(EndpointListener.LocalEndPointKey, listener.LocalEndpoint);
            context.Properties.Add(EndpointListener.RemoteEndPointKey, client.Client.RemoteEndPoint!);
            return new StreamPipe(client.GetStream(), client.Dispose);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>What the package's own (internal) SecurableDuplexPipe does: pipes over the stream, upgraded to TLS on STARTTLS.</summary>
    private sealed class StreamPipe(Stream stream, Action closed) : ISecurableDuplexPipe
    {
        private Stream _stream = stream;

        public PipeReader Input { get; private set; } = PipeReader.Create(stream);

        public PipeWriter Output { get; private set; } = PipeWriter.Create(stream);

        public bool IsSecure => _stream is SslStream;

        public SslProtocols SslProtocol => _stream is SslStream ssl ? ssl.SslProtocol : SslProtocols.None;

        public async Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
        {
            var ssl = new SslStream(_stream, leaveInnerStreamOpen: true);
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate, EnabledSslProtocols = protocols }, cancellationToken);
            _stream = ssl;
            Input = PipeReader.Create(ssl);
            Output = PipeWriter.Create(ssl);
        }

        public void Dispose()
        {
            _stream.Dispose();
            closed();
        }
    }
}
