using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Posta.Hosting;
using Posta.Smtp.Delivery;
using Posta.Smtp.Lmtp;
using Posta.Smtp.Outbound.Queue;
using Posta.Smtp.Session;
using Posta.Smtp.Submission;
using Posta.Directory.Authentication;
using Posta.Sasl;
using Posta.Storage;

namespace Posta.Smtp;

/// <summary>Registers the mail-receiving protocols with the host.</summary>
public static class SmtpServiceCollectionExtensions
{
    /// <summary>
    /// Local delivery (<see cref="LocalRecipientChecker"/>, <see cref="LocalDelivery"/>) and the
    /// LMTP handler on the <c>lmtp</c> listener. Needs <c>RecipientResolver</c> and
    /// <c>IMailStore</c> registered.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static IServiceCollection AddPostaLmtp(this IServiceCollection services, LocalDeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton<LocalRecipientChecker>();
        services.TryAddSingleton<LocalDelivery>();
        services.TryAddSingleton(TimeProvider.System);
        return services.AddPostaProtocol<LmtpConnectionHandler>(ListenerNames.Lmtp);
    }

    /// <summary>
    /// The mail queue: <see cref="MessageQueue"/> for sessions to hand mail to, and its runner as a
    /// hosted service. Recipients in hosted domains leave through the <see cref="IDeliveryTransport"/>
    /// keyed <see cref="QueueTransports.Local"/> (the local store unless one is registered first),
    /// the others through the one keyed <see cref="QueueTransports.Remote"/>; until something can
    /// send mail out, that one defers them, so they wait in the queue. Needs <c>IStore</c>,
    /// <c>IDirectoryStore</c>, <c>IMailStore</c>, <c>RecipientResolver</c> and an
    /// <c>IDeliveryReportBuilder</c> registered.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static IServiceCollection AddPostaQueue(this IServiceCollection services, QueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => provider.GetRequiredService<IStore>().Queue);
        services.TryAddSingleton<MessageQueue>();
        services.TryAddKeyedSingleton<IDeliveryTransport, LocalTransport>(QueueTransports.Local);
        services.TryAddKeyedSingleton<IDeliveryTransport, UnavailableRemoteTransport>(QueueTransports.Remote);
        services.AddHostedService<QueueRunner>();
        return services;
    }

    /// <summary>
    /// The SMTP sessions on the <c>smtp</c>, <c>submission</c> and <c>submissions</c> listeners.
    /// Needs <see cref="AddPostaLmtp"/> (local delivery), <see cref="AddPostaQueue"/>,
    /// <c>AccountDirectory</c> and <c>RecipientResolver</c> registered.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static IServiceCollection AddPostaSmtp(this IServiceCollection services, SmtpServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISaslCredentialVerifier, DirectorySaslVerifier>();
        services.TryAddSingleton(provider => new AuthenticationThrottle(null, provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SenderOwnership>();
        services.TryAddSingleton<MessageDispatcher>();
        services.TryAddSingleton<SmtpSessionServices>();
        services.AddPostaProtocol<SmtpConnectionHandler>(ListenerNames.Smtp);
        services.AddPostaProtocol<SmtpConnectionHandler>(ListenerNames.Submission);
        return services.AddPostaProtocol<SmtpConnectionHandler>(ListenerNames.Submissions);
    }

    /// <summary>
    /// Makes the queue hand recipients of the hosted domains to a store node over LMTP instead of
    /// the local store (call before <see cref="AddPostaQueue"/>).
    /// </summary>
    public static IServiceCollection AddPostaLmtpHandoff(this IServiceCollection services, LmtpTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Client.Validate();
        services.TryAddSingleton(options);
        services.AddKeyedSingleton<IDeliveryTransport, LmtpTransport>(QueueTransports.Local);
        return services;
    }
}
