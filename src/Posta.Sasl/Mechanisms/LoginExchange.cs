using System.Text;

namespace Posta.Sasl.Mechanisms;

/// <summary>
/// LOGIN (draft-murchison-sasl-login-00): the server asks "Username:" then "Password:", and the client
/// answers each with the bare UTF-8 value. An initial response is the user name.
/// </summary>
internal sealed class LoginExchange(ISaslCredentialVerifier verifier, SaslOptions options) : SaslExchange
{
    private static readonly byte[] UsernamePrompt = Encoding.ASCII.GetBytes("Username:");
    private static readonly byte[] PasswordPrompt = Encoding.ASCII.GetBytes("Password:");

    private State _state = State.New;
    private string? _login;

    private enum State
    {
        New,
        AwaitingUsername,
        AwaitingPassword,
    }

    public override string Mechanism => SaslMechanisms.Login;

    public override ValueTask<SaslStep> StartAsync(ReadOnlyMemory<byte>? initialResponse, CancellationToken cancellationToken)
    {
        ThrowIfCompleted();
        if (_state != State.New)
        {
            throw new InvalidOperationException("the LOGIN exchange has started already");
        }

        if (initialResponse is { } username)
        {
            return ValueTask.FromResult(AcceptUsername(username.Span));
        }

        _state = State.AwaitingUsername;
        return ValueTask.FromResult(SaslStep.Continue(UsernamePrompt));
    }

    public override ValueTask<SaslStep> StepAsync(ReadOnlyMemory<byte> response, CancellationToken cancellationToken)
    {
        ThrowIfCompleted();
        return _state switch
        {
            State.AwaitingUsername => ValueTask.FromResult(AcceptUsername(response.Span)),
            State.AwaitingPassword => VerifyAsync(response, cancellationToken),
            _ => throw new InvalidOperationException("call StartAsync first"),
        };
    }

    private SaslStep AcceptUsername(ReadOnlySpan<byte> username)
    {
        if (username.IsEmpty || !SaslText.TryDecode(username, options.MaxIdentityBytes, out var login))
        {
            return Complete(SaslStep.Failed(SaslFailure.Malformed));
        }

        _login = login;
        _state = State.AwaitingPassword;
        return SaslStep.Continue(PasswordPrompt);
    }

    private async ValueTask<SaslStep> VerifyAsync(ReadOnlyMemory<byte> response, CancellationToken cancellationToken)
    {
        if (response.IsEmpty || !SaslText.TryDecode(response.Span, options.MaxPasswordBytes, out var password))
        {
            return Complete(SaslStep.Failed(SaslFailure.Malformed));
        }

        var account = await verifier.VerifyPasswordAsync(_login!, password, cancellationToken);
        return Complete(account is null ? SaslStep.Failed(SaslFailure.BadCredentials) : SaslStep.Succeeded(account));
    }
}
