namespace Posta.Sasl.Mechanisms;

/// <summary>
/// PLAIN (RFC 4616): one message, <c>[authzid] NUL authcid NUL passwd</c> in UTF-8. The identity and the
/// password go to the verifier as sent; SASLprep is left to the verifier's own comparison, as Dovecot does.
/// </summary>
internal sealed class PlainExchange(ISaslCredentialVerifier verifier, SaslOptions options) : SaslExchange
{
    private bool _started;

    public override string Mechanism => SaslMechanisms.Plain;

    public override ValueTask<SaslStep> StartAsync(ReadOnlyMemory<byte>? initialResponse, CancellationToken cancellationToken)
    {
        ThrowIfCompleted();
        if (_started)
        {
            throw new InvalidOperationException("the PLAIN exchange has started already");
        }

        _started = true;
        // RFC 4616 §2: without an initial response the server sends an empty challenge.
        return initialResponse is { } message ? VerifyAsync(message, cancellationToken) : ValueTask.FromResult(SaslStep.Continue(ReadOnlyMemory<byte>.Empty));
    }

    public override ValueTask<SaslStep> StepAsync(ReadOnlyMemory<byte> response, CancellationToken cancellationToken)
    {
        ThrowIfCompleted();
        if (!_started)
        {
            throw new InvalidOperationException("call StartAsync first");
        }

        return VerifyAsync(response, cancellationToken);
    }

    private async ValueTask<SaslStep> VerifyAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (!TryParse(message.Span, out var authorizationId, out var login, out var password))
        {
            return Complete(SaslStep.Failed(SaslFailure.Malformed));
        }

        var account = await verifier.VerifyPasswordAsync(login, password, cancellationToken);
        if (account is null)
        {
            return Complete(SaslStep.Failed(SaslFailure.BadCredentials));
        }

        return Complete(SaslText.IsAllowedAuthorization(authorizationId, login, account)
            ? SaslStep.Succeeded(account)
            : SaslStep.Failed(SaslFailure.AuthorizationDenied));
    }

    private bool TryParse(ReadOnlySpan<byte> message, out string authorizationId, out string login, out string password)
    {
        authorizationId = login = password = string.Empty;
        var first = message.IndexOf((byte)0);
        if (first < 0)
        {
            return false;
        }

        var rest = message[(first + 1)..];
        var second = rest.IndexOf((byte)0);
        if (second < 0)
        {
            return false;
        }

        // authcid and passwd are 1*SAFE (RFC 4616 §2): empty ones are malformed, and SaslText refuses a third NUL.
        var authcid = rest[..second];
        var passwd = rest[(second + 1)..];
        if (authcid.IsEmpty || passwd.IsEmpty)
        {
            return false;
        }

        if (!SaslText.TryDecode(message[..first], options.MaxIdentityBytes, out var authzid)
            || !SaslText.TryDecode(authcid, options.MaxIdentityBytes, out var user)
            || !SaslText.TryDecode(passwd, options.MaxPasswordBytes, out var secret))
        {
            return false;
        }

        (authorizationId, login, password) = (authzid, user, secret);
        return true;
    }
}
