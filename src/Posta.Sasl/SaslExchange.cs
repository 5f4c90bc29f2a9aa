namespace Posta.Sasl;

/// <summary>
/// One server-side SASL exchange (RFC 4422 §3): the protocol calls <see cref="StartAsync"/> once, then
/// <see cref="StepAsync"/> with each client response while the step returned is a
/// <see cref="SaslStepKind.Challenge"/>. Bytes in and out are raw; base64 is the protocol's business.
/// </summary>
/// <remarks>
/// Success never carries data: where a mechanism has final server data (SCRAM's server-final-message
/// "v=..."), the exchange sends it as a challenge, expects an empty response, and only then reports
/// <see cref="SaslStepKind.Success"/> (RFC 4422 §5 allows a protocol without "additional data with
/// success", such as SMTP AUTH, to do exactly this). An exchange is not thread-safe and is used once.
/// </remarks>
public abstract class SaslExchange
{
    /// <summary>The IANA-registered mechanism name.</summary>
    public abstract string Mechanism { get; }

    /// <summary>True once a step returned success or failure; further calls throw.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>
    /// The first step. <paramref name="initialResponse"/> is null when the client sent none (PLAIN then
    /// answers an empty challenge, LOGIN "Username:", SCRAM an empty challenge); an empty array is the
    /// "=" empty initial response of RFC 4954 §4.
    /// </summary>
    public abstract ValueTask<SaslStep> StartAsync(ReadOnlyMemory<byte>? initialResponse, CancellationToken cancellationToken);

    /// <summary>The client's answer to the last challenge.</summary>
    public abstract ValueTask<SaslStep> StepAsync(ReadOnlyMemory<byte> response, CancellationToken cancellationToken);

    /// <summary>Marks the exchange completed when <paramref name="step"/> ends it, and returns it.</summary>
    protected SaslStep Complete(SaslStep step)
    {
        if (step.Kind != SaslStepKind.Challenge)
        {
            IsCompleted = true;
        }

        return step;
    }

    /// <summary>Refuses calls once the exchange is over.</summary>
    protected void ThrowIfCompleted()
    {
        if (IsCompleted)
        {
            throw new InvalidOperationException($"the {Mechanism} exchange is over; start a new one");
        }
    }
}
