namespace Posta.Smtp.Outbound.Client;

/// <summary>
/// A reply, a write or the TLS handshake took longer than its timeout in
/// <see cref="SmtpClientOptions"/> (RFC 5321 §4.5.3.2). The session is closed: RFC 5321 §4.1.1.5
/// leaves a timed-out conversation in an unknown state.
/// </summary>
public sealed class SmtpTimeoutException : SmtpClientException
{
    internal SmtpTimeoutException(string waitingFor, TimeSpan timeout)
        : base($"Timed out after {timeout} waiting for {waitingFor}.", null)
    {
        WaitingFor = waitingFor;
        Timeout = timeout;
    }

    /// <summary>What the session was waiting for, e.g. "the reply to RCPT TO" or "a write of the content".</summary>
    public string WaitingFor { get; }

    /// <summary>The timeout that expired.</summary>
    public TimeSpan Timeout { get; }
}
