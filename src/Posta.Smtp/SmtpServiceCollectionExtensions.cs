using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Posta.Hosting;
using Posta.Smtp.Delivery;
using Posta.Smtp.Lmtp;

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
}
