namespace Posta.Smtp.Protocol.Commands;

/// <summary>The MAIL parameter BODY.</summary>
public enum BodyType
{
    /// <summary>No BODY parameter: 7-bit content is implied (RFC 6152 §3).</summary>
    Unspecified,

    /// <summary>BODY=7BIT (RFC 6152 §3).</summary>
    SevenBit,

    /// <summary>BODY=8BITMIME (RFC 6152 §3).</summary>
    EightBitMime,

    /// <summary>BODY=BINARYMIME (RFC 3030 §3): content must come by BDAT.</summary>
    BinaryMime,
}
