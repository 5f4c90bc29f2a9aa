namespace Posta.Smtp.Protocol.Commands;

/// <summary>The RCPT parameter NOTIFY (RFC 3461 §4.1): when to send a DSN for this recipient.</summary>
[Flags]
public enum DsnNotify
{
    /// <summary>No NOTIFY parameter: the server's default (failure and delay).</summary>
    Unspecified = 0,

    /// <summary>NOTIFY=NEVER; never combined with the others.</summary>
    Never = 1,

    /// <summary>On successful delivery.</summary>
    Success = 2,

    /// <summary>On failure.</summary>
    Failure = 4,

    /// <summary>On delay.</summary>
    Delay = 8,
}
