namespace Posta.Mime.Reading;

/// <summary>How the reader treated a part's body.</summary>
public enum MimePartKind
{
    /// <summary>The body is content: not split further.</summary>
    Leaf,

    /// <summary>The body was split at its boundary into <see cref="MimePart.Children"/>.</summary>
    Multipart,

    /// <summary>The body is a message (message/rfc822 or message/global): see <see cref="MimePart.EncapsulatedMessage"/>.</summary>
    Message,
}
