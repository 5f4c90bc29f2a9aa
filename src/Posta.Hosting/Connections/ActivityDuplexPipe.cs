using System.IO.Pipelines;

namespace Posta.Hosting.Connections;

/// <summary>The raw transport, watched for the idle timeout beneath any TLS layer.</summary>
internal sealed class ActivityDuplexPipe(IDuplexPipe inner, ConnectionInfo connection) : IDuplexPipe
{
    public PipeReader Input { get; } = new ActivityPipeReader(inner.Input, connection);

    public PipeWriter Output { get; } = new ActivityPipeWriter(inner.Output, connection);
}
