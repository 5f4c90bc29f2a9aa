using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Posta.Sasl.Mechanisms;

/// <summary>
/// SCRAM-SHA-256 (RFC 5802 with RFC 7677's hash), server side, without channel binding: Posta offers no
/// -PLUS variant, so a client's "y" flag is accepted and "p=" refused (RFC 5802 §6).
/// </summary>
/// <remarks>
/// Steps: client-first → server-first (nonce, salt, iterations); client-final → proof checked in
/// constant time, then server-final ("v=ServerSignature") sent as a challenge; an empty response →
/// success. An unknown login runs with decoy keys and fails at the proof like a wrong password. A
/// malformed message ends the exchange with <see cref="SaslFailure.Malformed"/> and no server error
/// message ("e="): the protocols that carry SASL here cannot send data with a failure.
/// </remarks>
internal sealed class ScramSha256Exchange(ISaslCredentialVerifier verifier, SaslOptions options) : SaslExchange
{
    // RFC 5802 §7: nonces are "printable": %x21-2B / %x2D-7E, that is visible ASCII except ",".
    private const int ServerNonceBytes = 24;

    private State _state = State.New;
    private string _gs2Header = string.Empty;
    private string? _authorizationId;
    private string _login = string.Empty;
    private string _clientFirstBare = string.Empty;
    private string _serverFirst = string.Empty;
    private string _nonce = string.Empty;
    private ScramLookup _lookup;

    private enum State
    {
        New,
        AwaitingClientFirst,
        AwaitingClientFinal,
        AwaitingAcknowledgement,
    }

    public override string Mechanism => SaslMechanisms.ScramSha256;

    public override ValueTask<SaslStep> StartAsync(ReadOnlyMemory<byte>? initialResponse, CancellationToken cancellationToken)
    {
        ThrowIfCompleted();
        if (_state != State.New)
        {
            throw new InvalidOperationException("the SCRAM-SHA-256 exchange has started already");
        }

        _state = State.AwaitingClientFirst;
        return initialResponse is { } clientFirst
            ? ClientFirstAsync(clientFirst, cancellationToken)
            : ValueTask.FromResult(SaslStep.Continue(ReadOnlyMemory<byte>.Empty));
    }

    public override ValueTask<SaslStep> StepAsync(ReadOnlyMemory<byte> response, CancellationToken cancellationToken)
    {
        ThrowIfCompleted();
        return _state switch
        {
            State.AwaitingClientFirst => ClientFirstAsync(response, cancellationToken),
            State.AwaitingClientFinal => ValueTask.FromResult(ClientFinal(response.Span)),
            // RFC 4422 §5: the client acknowledges the server's final data with an empty response.
            State.AwaitingAcknowledgement => ValueTask.FromResult(Complete(response.IsEmpty
                ? SaslStep.Succeeded(_lookup.Account!)
                : SaslStep.Failed(SaslFailure.Malformed))),
            _ => throw new InvalidOperationException("call StartAsync first"),
        };
    }

    private async ValueTask<SaslStep> ClientFirstAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var failure = ParseClientFirst(message.Span, out var clientNonce);
        if (failure != SaslFailure.None)
        {
            return Complete(SaslStep.Failed(failure));
        }

        _lookup = await verifier.GetScramCredentialsAsync(_login, cancellationToken);
        var credentials = _lookup.Credentials;
        _nonce = clientNonce + MakeServerNonce();
        _serverFirst = string.Create(
            CultureInfo.InvariantCulture,
            $"r={_nonce},s={Convert.ToBase64String(credentials.Salt)},i={credentials.Iterations}");
        _state = State.AwaitingClientFinal;
        return SaslStep.Continue(Encoding.UTF8.GetBytes(_serverFirst));
    }

    /// <summary>
    /// client-first-message = gs2-header client-first-message-bare;
    /// gs2-header = gs2-cbind-flag "," [authzid] ",";
    /// client-first-message-bare = [reserved-mext ","] username "," nonce ["," extensions] (RFC 5802 §7).
    /// </summary>
    private SaslFailure ParseClientFirst(ReadOnlySpan<byte> bytes, out string clientNonce)
    {
        clientNonce = string.Empty;
        if (!SaslText.TryDecode(bytes, options.MaxScramMessageBytes, out var message))
        {
            return SaslFailure.Malformed;
        }

        var attributes = message.Split(',');
        if (attributes.Length < 4)
        {
            return attributes[0].StartsWith("p=", StringComparison.Ordinal) ? SaslFailure.ChannelBindingNotSupported : SaslFailure.Malformed;
        }

        // gs2-cbind-flag: "n" (client cannot bind), "y" (client could, but thinks we cannot: true, we offer no -PLUS).
        switch (attributes[0])
        {
            case "n" or "y":
                break;
            case var flag when flag.StartsWith("p=", StringComparison.Ordinal):
                return SaslFailure.ChannelBindingNotSupported;
            default:
                return SaslFailure.Malformed;
        }

        if (attributes[1].Length > 0)
        {
            if (!attributes[1].StartsWith("a=", StringComparison.Ordinal) || !TryDecodeSaslName(attributes[1].AsSpan(2), out var authzid))
            {
                return SaslFailure.Malformed;
            }

            _authorizationId = authzid;
        }

        _gs2Header = $"{attributes[0]},{attributes[1]},";
        _clientFirstBare = message[_gs2Header.Length..];

        // reserved-mext "m=" marks a mandatory extension: none is defined, so none can be understood.
        if (!attributes[2].StartsWith("n=", StringComparison.Ordinal)
            || !TryDecodeSaslName(attributes[2].AsSpan(2), out var username)
            || !SaslPrep.TryPrepare(username, out var login, out _)
            || login.Length == 0
            || Encoding.UTF8.GetByteCount(login) > options.MaxIdentityBytes)
        {
            return SaslFailure.Malformed;
        }

        if (!attributes[3].StartsWith("r=", StringComparison.Ordinal) || !IsNonce(attributes[3].AsSpan(2)))
        {
            return SaslFailure.Malformed;
        }

        for (var i = 4; i < attributes.Length; i++)
        {
            if (!IsExtension(attributes[i]))
            {
                return SaslFailure.Malformed;
            }
        }

        _login = login;
        clientNonce = attributes[3][2..];
        return SaslFailure.None;
    }

    /// <summary>client-final-message = "c=" base64 "," "r=" nonce ["," extensions] "," "p=" base64 (RFC 5802 §7).</summary>
    private SaslStep ClientFinal(ReadOnlySpan<byte> bytes)
    {
        if (!SaslText.TryDecode(bytes, options.MaxScramMessageBytes, out var message))
        {
            return Complete(SaslStep.Failed(SaslFailure.Malformed));
        }

        var proofAt = message.LastIndexOf(",p=", StringComparison.Ordinal);
        if (proofAt < 0)
        {
            return Complete(SaslStep.Failed(SaslFailure.Malformed));
        }

        var withoutProof = message[..proofAt];
        var attributes = withoutProof.Split(',');
        if (attributes.Length < 2
            || !attributes[0].StartsWith("c=", StringComparison.Ordinal)
            || !StrictBase64.TryDecode(attributes[0].AsSpan(2), out var binding)
            // Without channel binding, c= carries the gs2-header back exactly as the client first sent it.
            || !binding.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(_gs2Header))
            || attributes[1] != "r=" + _nonce
            || attributes.Skip(2).Any(a => !IsExtension(a))
            || !StrictBase64.TryDecode(message.AsSpan(proofAt + 3), out var proof)
            || proof.Length != SHA256.HashSizeInBytes)
        {
            return Complete(SaslStep.Failed(SaslFailure.Malformed));
        }

        var credentials = _lookup.Credentials;
        var authMessage = Encoding.UTF8.GetBytes($"{_clientFirstBare},{_serverFirst},{withoutProof}");

        // ClientKey = ClientProof XOR HMAC(StoredKey, AuthMessage); the proof holds when H(ClientKey) = StoredKey.
        Span<byte> clientKey = stackalloc byte[SHA256.HashSizeInBytes];
        HMACSHA256.HashData(credentials.StoredKey, authMessage, clientKey);
        for (var i = 0; i < clientKey.Length; i++)
        {
            clientKey[i] ^= proof[i];
        }

        Span<byte> storedKey = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(clientKey, storedKey);
        var proven = CryptographicOperations.FixedTimeEquals(storedKey, credentials.StoredKey);
        CryptographicOperations.ZeroMemory(clientKey);

        if (!proven || _lookup.Account is not { } account)
        {
            return Complete(SaslStep.Failed(SaslFailure.BadCredentials));
        }

        if (!SaslText.IsAllowedAuthorization(_authorizationId, _login, account))
        {
            return Complete(SaslStep.Failed(SaslFailure.AuthorizationDenied));
        }

        var serverSignature = HMACSHA256.HashData(credentials.ServerKey, authMessage);
        _state = State.AwaitingAcknowledgement;
        return SaslStep.Continue(Encoding.ASCII.GetBytes("v=" + Convert.ToBase64String(serverSignature)));
    }

    private string MakeServerNonce()
    {
        if (options.ServerNonceGenerator is not { } generate)
        {
            return Convert.ToBase64String(RandomNumberGenerator.GetBytes(ServerNonceBytes));
        }

        var nonce = generate();
        return IsNonce(nonce) ? nonce : throw new InvalidOperationException("the server nonce generator made a nonce SCRAM cannot carry (printable ASCII except ',')");
    }

    private static bool IsNonce(ReadOnlySpan<char> nonce)
    {
        if (nonce.IsEmpty)
        {
            return false;
        }

        foreach (var c in nonce)
        {
            if (c is < '\x21' or > '\x7E' or ',')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>attr-val = ALPHA "=" value; value = 1*value-char (any UTF-8 except NUL and ",": ensured by the split).</summary>
    private static bool IsExtension(string attribute) =>
        attribute.Length >= 3 && char.IsAsciiLetter(attribute[0]) && attribute[1] == '=';

    /// <summary>saslname = 1*(value-safe-char / "=2C" / "=3D"): "=" only as the escape of "," or "=".</summary>
    private static bool TryDecodeSaslName(ReadOnlySpan<char> text, out string name)
    {
        name = string.Empty;
        if (text.IsEmpty)
        {
            return false;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '=')
            {
                builder.Append(text[i]);
            }
            else if (text[(i + 1)..].StartsWith("2C", StringComparison.Ordinal))
            {
                builder.Append(',');
                i += 2;
            }
            else if (text[(i + 1)..].StartsWith("3D", StringComparison.Ordinal))
            {
                builder.Append('=');
                i += 2;
            }
            else
            {
                return false;
            }
        }

        name = builder.ToString();
        return true;
    }
}
