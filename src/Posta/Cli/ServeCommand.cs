using System.CommandLine;
using Posta.Composition;
using Posta.Configuration;
using Posta.Hosting;

namespace Posta.Cli;

/// <summary><c>posta serve</c>.</summary>
internal static class ServeCommand
{
    public static Command Create(CliIo io)
    {
        var hostname = new Option<string?>("--hostname") { Description = "The server's own name (SMTP greeting, certificate). Default: the machine's host name.", HelpName = "NAME" };
        var roles = new Option<string?>("--roles") { Description = $"Roles to play, comma-separated: all, {string.Join(", ", Roles.All)}. Default: all.", HelpName = "r1,r2" };
        var listen = new Option<string[]>("--listen")
        {
            Description = $"NAME=ADDR:PORT (or NAME=unix:/path): replace a listener's addresses; naming any starts only the listeners named. Names: {string.Join(", ", ListenerNames.All)}.",
            HelpName = "NAME=ADDR:PORT",
            AllowMultipleArgumentsPerToken = false,
        };
        var resolver = new Option<string[]>("--resolver") { Description = "DNS server to use instead of those in /etc/resolv.conf (repeatable).", HelpName = "ADDR[:PORT]" };
        var serve = new Command("serve", "Run the mail server: every listener of the configured roles, on the embedded store unless configured otherwise.") { hostname, roles, listen, resolver };
        serve.SetAction((parse, ct) => CliRunner.RunAsync(io, async () =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (parse.GetValue(hostname) is { } h)
            {
                overrides["hostname"] = h;
            }

            if (parse.GetValue(roles) is { } r)
            {
                overrides["roles"] = r;
            }

            var resolvers = parse.GetValue(resolver) ?? [];
            if (resolvers.Length > 0)
            {
                overrides["dns:resolvers"] = string.Join(',', resolvers);
            }

            HashSet<string>? only = null;
            var byListener = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var item in parse.GetValue(listen) ?? [])
            {
                var eq = item.IndexOf('=', StringComparison.Ordinal);
                var name = eq > 0 ? item[..eq].Trim().ToLowerInvariant() : string.Empty;
                if (eq <= 0 || !ListenerNames.All.Contains(name))
                {
                    throw new CliException($"--listen {item}: expected NAME=ADDR:PORT with NAME one of {string.Join(", ", ListenerNames.All)}");
                }

                only ??= new HashSet<string>(StringComparer.Ordinal);
                only.Add(name);
                (byListener.TryGetValue(name, out var list) ? list : byListener[name] = []).Add(item[(eq + 1)..].Trim());
            }

            foreach (var (name, addresses) in byListener)
            {
                overrides[$"listeners:{name}:addresses"] = string.Join(',', addresses);
            }

            var settings = AdminSession.LoadSettings(parse, io, overrides);
            return await ServerHost.RunAsync(settings, only, ct);
        }));
        return serve;
    }
}
