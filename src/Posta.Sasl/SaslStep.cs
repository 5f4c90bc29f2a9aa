namespace Posta.Sasl;

/// <summary>
/// One step of an exchange: a challenge to send, the account authenticated, or a failure.
/// <see cref="Challenge"/> is the raw challenge; the protocol base64-encodes it.
/// </summary>
public readonly record struct SaslStep(SaslStepKind Kind, ReadOnlyMemory<byte> Challenge, string? Account, SaslFailure Failure)
{
    internal static SaslStep Continue(ReadOnlyMemory<byte> challenge) => new(SaslStepKind.Challenge, challenge, null, SaslFailure.None);

    internal static SaslStep Succeeded(string account) => new(SaslStepKind.Success, ReadOnlyMemory<byte>.Empty, account, SaslFailure.None);

    internal static SaslStep Failed(SaslFailure failure) => new(SaslStepKind.Failure, ReadOnlyMemory<byte>.Empty, null, failure);
}
