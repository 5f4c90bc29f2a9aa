namespace Posta.Sasl;

/// <summary>Why an exchange failed. Clients should be told no more than "malformed" or "failed".</summary>
public enum SaslFailure
{
    /// <summary>Not a failure.</summary>
    None,

    /// <summary>Unknown user, wrong password or disabled account: indistinguishable on purpose (SMTP 535 5.7.8).</summary>
    BadCredentials,

    /// <summary>The client's message broke the mechanism's syntax or a limit (SMTP 501 5.5.2).</summary>
    Malformed,

    /// <summary>The credentials were good, but the client asked to act as someone else (SMTP 535 5.7.8).</summary>
    AuthorizationDenied,

    /// <summary>A SCRAM client demanded channel binding ("p="), which Posta does not offer (no -PLUS mechanisms).</summary>
    ChannelBindingNotSupported,
}
