using Posta.Mime.Headers;

namespace Posta.Mime.Reading;

/// <summary>An open part on the reader's stack.</summary>
internal sealed class Frame(MimePart part, ContentType defaultType)
{
    public MimePart Part { get; } = part;

    public ContentType DefaultType { get; } = defaultType;

    public FrameState State { get; set; } = FrameState.Headers;

    public byte[]? Boundary { get; set; }

    public long BodyStartLineFeeds { get; set; }

    public long BodyStartBareLineFeeds { get; set; }

    public bool BoundaryActive => State is FrameState.Preamble or FrameState.Parts;
}
