namespace Posta.Mime.Encodings;

/// <summary>Content-Transfer-Encoding values (RFC 2045 §6) plus the uuencode variants found in old mail.</summary>
public enum ContentTransferEncoding
{
    /// <summary>7bit, also the default when the header is absent or unparseable.</summary>
    SevenBit,

    /// <summary>8bit.</summary>
    EightBit,

    /// <summary>binary.</summary>
    Binary,

    /// <summary>quoted-printable.</summary>
    QuotedPrintable,

    /// <summary>base64.</summary>
    Base64,

    /// <summary>x-uuencode, uuencode, x-uue, uue.</summary>
    UUEncode,

    /// <summary>A value nothing here can decode; the content is passed through undecoded.</summary>
    Unknown,
}
