namespace Posta.Smtp.Tests.Client;

/// <summary>Content whose length the session cannot know in advance.</summary>
internal sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
{
    public override bool CanSeek => false;
}
