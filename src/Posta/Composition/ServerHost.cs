using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Posta.Cli;
using Posta.Configuration;
using Posta.Directory;
using Posta.Hosting;
using Posta.Smtp;
using Posta.Smtp.Delivery;
using Posta.Smtp.Outbound.Dsn;
using Posta.Smtp.Outbound.Client;
using Posta.Smtp.Outbound.Queue;
using Posta.Smtp.Protocol.State;
using Posta.Smtp.Session;
using Posta.Hosting.Proxy;
using Posta.Storage;

namespace Posta.Composition;

/// <summary>
/// The composition root of <c>posta serve</c>: opens the store, builds the one host with every
/// listener this process's roles serve, and runs until SIGTERM/SIGINT.
/// </summary>
internal static partial class ServerHost
{
    /// <summary>Runs the server; returns the process exit code.</summary>
    public static async Task<int> RunAsync(PostaSettings settings, IReadOnlySet<string>? onlyListeners, CancellationToken cancellationToken)
    {
        var listeners = SelectListeners(settings, onlyListeners);
        await using var store = await StoreOpener.OpenAsync(settings, cancellationToken);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "posta",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.AddPostaConsole(settings.LogFormat == "json" ? ConsoleLogFormat.Json : ConsoleLogFormat.Simple);
        builder.Logging.SetMinimumLevel(ParseLevel(settings.LogLevel));
        // Kestrel's own per-request lines are noise next to the protocol logs.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        // A failed start is reported once, as one clear line, by the CLI; not as a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        try
        {
            builder.UsePostaHosting(HostingOptionsFactory.From(settings, listeners));
        }
        catch (HostingConfigurationException e)
        {
            throw new InvalidSettingsException(e.Errors);
        }

        var directoryOptions = DirectoryOptionsFactory.From(settings);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(store.Directory);
        builder.Services.AddSingleton(store.Mail);
        builder.Services.AddSingleton(store.Changes);
        builder.Services.AddSingleton(directoryOptions);
        builder.Services.AddSingleton<AccountDirectory>();
        builder.Services.AddSingleton<RecipientResolver>();
        var delivery = new LocalDeliveryOptions
        {
            Hostname = settings.Hostname,
            MaxMessageSize = settings.MaxMessageSize,
            MaxRecipients = settings.MaxRecipients,
            TemporaryDirectory = Path.Combine(Path.GetFullPath(settings.DataDirectory), "tmp"),
        };
        builder.Services.AddSingleton(store.Queue);
        builder.Services.AddSingleton<IDeliveryReportBuilder, DeliveryReportBuilder>();
        builder.Services.AddPostaLmtp(delivery);
        if (settings.DeliveryLmtp is { } lmtp && LmtpTarget.TryParse(lmtp, out var storeNode))
        {
            builder.Services.AddPostaLmtpHandoff(new LmtpTransportOptions
            {
                EndPoint = storeNode!,
                Client = new SmtpClientOptions { Dialect = SmtpDialect.Lmtp, HelloName = settings.Hostname },
            });
        }

        builder.Services.AddPostaQueue(new QueueOptions { Hostname = settings.Hostname });
        builder.Services.AddPostaSmtp(new SmtpServerOptions
        {
            Delivery = delivery,
            XClientNetworks = new TrustedNetworks(settings.TrustedProxies),
            DeliverLocally = settings.DeliveryLmtp is null,
        });

        await using var app = builder.Build();
        MapHttpEndpoints(app, settings);

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Posta.Server");
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is ListenerBindException or CertificateLoadException)
        {
            throw new StartupException(e.Message, e);
        }

        var bound = app.Services.GetRequiredService<BoundListeners>().All;
        foreach (var name in listeners.Where(n => !bound.Any(b => b.Name == n)).Order(StringComparer.Ordinal))
        {
            Log.ListenerNotServed(logger, name);
        }

        if ((await store.Directory.ListDomainsAsync(cancellationToken)).Count == 0)
        {
            Log.FirstSteps(logger);
        }

        // Last, so whoever waits for it (an operator, a test harness) has seen everything before it.
        Log.Ready(logger, settings.Hostname, Path.GetFullPath(settings.DataDirectory), string.Join(", ", bound.Select(b => $"{b.Name}={b.Address}")));

        await app.WaitForShutdownAsync(cancellationToken);
        Log.Stopped(logger);
        return ExitCodes.Ok;
    }

    /// <summary>The listeners of the configured roles, narrowed to those named by --listen.</summary>
    private static HashSet<string> SelectListeners(PostaSettings settings, IReadOnlySet<string>? onlyListeners)
    {
        var selected = settings.Roles.SelectMany(Roles.ListenersOf).ToHashSet(StringComparer.Ordinal);
        if (onlyListeners is not null)
        {
            selected.IntersectWith(onlyListeners);
            foreach (var name in onlyListeners.Where(n => !selected.Contains(n)))
            {
                throw new CliException($"--listen {name}: the listener belongs to a role this process does not play (roles: {string.Join(",", settings.Roles.Order(StringComparer.Ordinal))})");
            }
        }

        return selected;
    }

    private static void MapHttpEndpoints(WebApplication app, PostaSettings settings)
    {
        // A liveness probe for container orchestrators and load balancers.
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/", () => Results.Text($"Posta mail server at {settings.Hostname}\n"));
    }

    private static LogLevel ParseLevel(string level) => level switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "critical" => LogLevel.Critical,
        "none" => LogLevel.None,
        _ => LogLevel.Information,
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "posta is ready: {Hostname}, data in {DataDirectory}, listening on {Listeners}")]
        public static partial void Ready(ILogger logger, string hostname, string dataDirectory, string listeners);

        [LoggerMessage(2, LogLevel.Information, "listener {Listener} is not served by this version yet; it is not bound")]
        public static partial void ListenerNotServed(ILogger logger, string listener);

        [LoggerMessage(3, LogLevel.Warning, "no domain is hosted yet. Next: posta domain add example.org; then posta user add alice@example.org --password-stdin (run them with the same --data or --config)")]
        public static partial void FirstSteps(ILogger logger);

        [LoggerMessage(4, LogLevel.Information, "posta stopped")]
        public static partial void Stopped(ILogger logger);
    }
}
