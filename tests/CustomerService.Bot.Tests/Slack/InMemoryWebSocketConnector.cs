using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Threading.Channels;
using CustomerService.Bot.Channels.Slack.SocketMode;

namespace CustomerService.Bot.Tests.Slack;

/// <summary>
/// Socket Mode without a network: each connect makes a WebSocket pair over in-memory pipes; the worker gets the
/// client end and the test plays Slack on the server end.
/// </summary>
internal sealed class InMemoryWebSocketConnector : ISlackSocketConnector
{
    private readonly Channel<(Uri Url, WebSocket Server)> _servers = Channel.CreateUnbounded<(Uri, WebSocket)>();

    public Task<WebSocket> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        var client = WebSocket.CreateFromStream(
            new DuplexStream(toClient.Reader.AsStream(), toServer.Writer.AsStream()),
            new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero });
        var server = WebSocket.CreateFromStream(
            new DuplexStream(toServer.Reader.AsStream(), toClient.Writer.AsStream()),
            new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
        _servers.Writer.TryWrite((url, server));
        return Task.FromResult(client);
    }

    /// <summary>The server end of the next connection the worker opens.</summary>
    public async Task<(Uri Url, WebSocket Server)> NextAsync() =>
        await _servers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    private sealed class DuplexStream(Stream read, Stream write) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => write.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => write.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => read.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => read.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => read.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => write.Write(buffer, offset, count);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await write.WriteAsync(buffer, cancellationToken);
            await write.FlushAsync(cancellationToken);
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await write.WriteAsync(buffer.AsMemory(offset, count), cancellationToken);
            await write.FlushAsync(cancellationToken);
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                read.Dispose();
                write.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
