namespace Posta.Smtp.Protocol.Commands;

/// <summary>
/// The parameters of a MAIL command. The parser recognises every parameter below whether or not
/// the server advertised its extension: the session refuses those it did not offer.
/// </summary>
public sealed record MailParameters
{
    /// <summary>No parameters.</summary>
    public static MailParameters None { get; } = new();

    /// <summary>
    /// SIZE (RFC 1870): the client's estimate of the message size in octets; null when absent.
    /// A value beyond <see cref="long.MaxValue"/> (20 digits are allowed) reads as
    /// <see cref="long.MaxValue"/>: too big for any limit.
    /// </summary>
    public long? Size { get; init; }

    /// <summary>BODY (RFC 6152, RFC 3030).</summary>
    public BodyType Body { get; init; }

    /// <summary>SMTPUTF8 (RFC 6531 §3.4): the envelope or message needs SMTPUTF8.</summary>
    public bool SmtpUtf8 { get; init; }

    /// <summary>RET (RFC 3461 §4.3).</summary>
    public DsnReturn Return { get; init; }

    /// <summary>ENVID (RFC 3461 §4.4), xtext-decoded; null when absent.</summary>
    public string? EnvelopeId { get; init; }

    /// <summary>
    /// AUTH (RFC 4954 §5), xtext-decoded: the submitter's address, or "&lt;&gt;" when the
    /// client does not know it; null when absent.
    /// </summary>
    public string? Auth { get; init; }

    /// <summary>REQUIRETLS (RFC 8689 §4.1): the message must only travel over TLS.</summary>
    public bool RequireTls { get; init; }
}
