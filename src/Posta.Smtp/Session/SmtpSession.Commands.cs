using System.Buffers.Text;
using System.Net;
using Posta.Hosting;
using Posta.Sasl;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Parsing;
using Posta.Smtp.Protocol.Replies;
using Posta.Smtp.Protocol.State;

namespace Posta.Smtp.Session;

/// <summary>The session commands: STARTTLS (RFC 3207), AUTH (RFC 4954) and XCLIENT (Postfix).</summary>
internal sealed partial class SmtpSession
{
    /// <summary>421 4.7.0: the client failed to authenticate too often (DESIGN.md §4).</summary>
    private static readonly SmtpReply AuthBlocked = new(421, new EnhancedStatusCode(4, 7, 0), "Error: too many failed authentication attempts, try again later");

    /// <summary>503 5.5.1: AUTH is not offered on the MX (Postfix's text when smtpd_sasl_auth_enable is off).</summary>
    private static readonly SmtpReply AuthNotEnabled = new(503, new EnhancedStatusCode(5, 5, 1), "Error: authentication not enabled");

    /// <summary>454 4.7.0: TLS is already active (RFC 3207 §4 leaves the code open; Postfix uses 554 5.5.1).</summary>
    private static readonly SmtpReply TlsAlreadyActive = new(554, new EnhancedStatusCode(5, 5, 1), "Error: TLS already active");

    private SaslExchange? _exchange;
    private string? _account;

    private void StartTls(SmtpCommand command)
    {
        if (_info.IsTlsActive)
        {
            Write(TlsAlreadyActive);
            return;
        }

        Accept(command, SmtpReplies.ReadyToStartTls);
        _startTls = true;
    }

    /// <summary>After 220 was flushed: the handshake; the session starts over (RFC 3207 §4.2).</summary>
    private async Task<bool> StartTlsAsync()
    {
        try
        {
            await _connection.StartTlsAsync(_info.ShutdownRequested);
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
        {
            Log.TlsFailed(_logger, Describe(Client), e.Message);
            return false;
        }

        // Everything learnt before TLS is forgotten: greeting, transaction, authentication.
        await EndTransactionAsync();
        ClientName = "unknown";
        _account = null;
        _state = SmtpState.Connected;
        return true;
    }

    /// <summary>The mechanisms offered now: on submission, over TLS or from a network trusted with plaintext.</summary>
    private IReadOnlyList<string> OfferedMechanisms() =>
        _kind == SmtpListenerKind.Submission && _account is null && MayUsePlaintext() ? SaslMechanisms.All : [];

    /// <summary>DESIGN.md §4: plaintext credentials only over TLS, from the server's own address, or from trusted networks.</summary>
    private bool MayUsePlaintext()
    {
        if (_info.IsTlsActive)
        {
            return true;
        }

        return _info.RemoteEndPoint is IPEndPoint remote
            && ((_info.LocalEndPoint is IPEndPoint local && remote.Address.Equals(local.Address)) || _options.PlaintextAuthNetworks.Contains(remote.Address));
    }

    private async ValueTask AuthAsync(AuthCommand auth)
    {
        if (_kind != SmtpListenerKind.Submission)
        {
            await RefuseAsync(AuthNotEnabled);
            return;
        }

        if (_account is not null)
        {
            await RefuseAsync(SmtpReplies.AlreadyAuthenticated);
            return;
        }

        if (!MayUsePlaintext())
        {
            // RFC 4954 §4: 538 when the mechanism needs an encrypted channel first.
            await RefuseAsync(SmtpReplies.EncryptionRequired);
            return;
        }

        if (ClientAddress is { } address && _services.Throttle.IsBlocked(address))
        {
            Log.AuthBlocked(_logger, Describe(Client));
            Write(AuthBlocked);
            _close = true;
            return;
        }

        _exchange = SaslMechanisms.Create(auth.Mechanism, _services.SaslVerifier);
        if (_exchange is null)
        {
            await RefuseAsync(SmtpReplies.UnrecognizedAuthMechanism);
            return;
        }

        _state = SmtpState.Auth;
        var step = await _exchange.StartAsync(auth.InitialResponse, _info.ShutdownRequested);
        await ContinueSaslAsync(step);
    }

    private async ValueTask HandleSaslResponseAsync(SaslResponse response)
    {
        if (response.Error != SmtpCommandError.None || response.IsCancelled)
        {
            if (response.Error == SmtpCommandError.AuthLineTooLong)
            {
                _mode = Mode.SkipLine;
            }

            var reply = response.IsCancelled ? SmtpReplies.AuthCancelled
                : response.Error == SmtpCommandError.AuthLineTooLong ? SmtpReplies.AuthLineTooLong
                : SmtpReplies.InvalidBase64;
            await EndSaslAsync();
            await RefuseAsync(reply);
            return;
        }

        var step = await _exchange!.StepAsync(response.Data, _info.ShutdownRequested);
        await ContinueSaslAsync(step);
    }

    private async ValueTask ContinueSaslAsync(SaslStep step)
    {
        switch (step.Kind)
        {
            case SaslStepKind.Challenge:
                Write(SmtpReplies.AuthChallenge(Convert.ToBase64String(step.Challenge.Span)));
                _mode = Mode.SaslResponse;
                return;
            case SaslStepKind.Success:
                _account = step.Account;
                if (ClientAddress is { } address)
                {
                    _services.Throttle.RecordSuccess(address);
                }

                Log.Authenticated(_logger, Describe(Client), _account!, _exchange!.Mechanism);
                await EndSaslAsync();
                Write(SmtpReplies.AuthSucceeded);
                return;
        }

        var mechanism = _exchange!.Mechanism;
        await EndSaslAsync();
        if (step.Failure == SaslFailure.Malformed)
        {
            // RFC 4954 §4: 501 when the client's response cannot be used.
            await RefuseAsync(SmtpReplies.ParamSyntax.WithText("Authentication exchange malformed"));
            return;
        }

        Log.AuthFailed(_logger, Describe(Client), mechanism, step.Failure.ToString());
        if (ClientAddress is { } client)
        {
            _services.Throttle.RecordFailure(client);
            var delay = _services.Throttle.FailureDelay(client);
            if (delay > TimeSpan.Zero)
            {
                await FlushAsync();
                await Task.Delay(delay, _services.TimeProvider);
            }
        }

        await RefuseAsync(SmtpReplies.AuthFailed);
    }

    private ValueTask EndSaslAsync()
    {
        _exchange = null;
        _mode = _mode == Mode.SkipLine ? Mode.SkipLine : Mode.Commands;
        _state = SmtpStateTable.AfterAuth;
        return ValueTask.CompletedTask;
    }

    /// <summary>The client's IP address for throttling: the real one, never what XCLIENT claimed.</summary>
    private IPAddress? ClientAddress => (_info.RemoteEndPoint as IPEndPoint)?.Address;

    private bool XClientAllowed() =>
        _info.RemoteEndPoint is IPEndPoint remote && _options.XClientNetworks.Contains(remote.Address);

    /// <summary>
    /// XCLIENT (Postfix XCLIENT_README): a trusted proxy (nginx's mail module) names the real client,
    /// and with LOGIN the user it authenticated. The session starts over with a new greeting.
    /// </summary>
    private async ValueTask XClientAsync(XClientCommand xclient)
    {
        if (!XClientAllowed())
        {
            await RefuseAsync(SmtpReplies.XClientDenied);
            return;
        }

        if (xclient.Address is { } address)
        {
            Client = new IPEndPoint(address, xclient.Port ?? 0);
        }

        if (xclient.Helo is { } helo)
        {
            ClientName = helo;
        }

        if ((xclient.Present & XClientAttributes.Login) != 0)
        {
            // The proxy checked the credentials; the name must still be an account here.
            _account = xclient.Login is null ? null : (await _services.Accounts.FindLoginUserAsync(xclient.Login, _info.ShutdownRequested))?.Address;
            if (xclient.Login is not null && _account is null)
            {
                Log.XClientUnknownLogin(_logger, Describe(Client));
                await RefuseAsync(SmtpReplies.XClientDenied.WithText("Error: unknown login"));
                return;
            }
        }

        Log.XClient(_logger, Describe(_info.RemoteEndPoint), Describe(Client), _account ?? "-");
        await EndTransactionAsync();
        Accept(xclient, SmtpReplies.ServiceReady(_options.Delivery.Hostname, "ESMTP Posta"));
    }
}
