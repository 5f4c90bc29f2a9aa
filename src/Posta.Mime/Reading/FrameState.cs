namespace Posta.Mime.Reading;

/// <summary>Where the reader is inside one open part.</summary>
internal enum FrameState
{
    Headers,
    Leaf,
    Preamble,
    Parts,
    Epilogue,
    Message,
}
