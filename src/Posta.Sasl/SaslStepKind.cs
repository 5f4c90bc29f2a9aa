namespace Posta.Sasl;

/// <summary>What a <see cref="SaslStep"/> asks the protocol to do.</summary>
public enum SaslStepKind
{
    /// <summary>Send <see cref="SaslStep.Challenge"/> (SMTP 334, IMAP "+") and pass the client's answer to <see cref="SaslExchange.StepAsync"/>.</summary>
    Challenge,

    /// <summary>Authenticated as <see cref="SaslStep.Account"/>.</summary>
    Success,

    /// <summary>Refused for <see cref="SaslStep.Failure"/>; the exchange is over.</summary>
    Failure,
}
