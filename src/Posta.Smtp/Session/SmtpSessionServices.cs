using Posta.Directory;
using Posta.Directory.Authentication;
using Posta.Sasl;
using Posta.Smtp.Delivery;
using Posta.Smtp.Submission;

namespace Posta.Smtp.Session;

/// <summary>What every SMTP session uses, gathered once per process.</summary>
internal sealed class SmtpSessionServices(
    SmtpServerOptions options,
    LocalRecipientChecker recipients,
    MessageDispatcher dispatcher,
    AccountDirectory accounts,
    ISaslCredentialVerifier saslVerifier,
    AuthenticationThrottle throttle,
    SenderOwnership senderOwnership,
    TimeProvider timeProvider)
{
    public SmtpServerOptions Options => options;

    public LocalRecipientChecker Recipients => recipients;

    public MessageDispatcher Dispatcher => dispatcher;

    public AccountDirectory Accounts => accounts;

    public ISaslCredentialVerifier SaslVerifier => saslVerifier;

    public AuthenticationThrottle Throttle => throttle;

    public SenderOwnership SenderOwnership => senderOwnership;

    public TimeProvider TimeProvider => timeProvider;
}
