using System.CommandLine;

namespace Posta.Cli;

/// <summary><c>posta config check</c>.</summary>
internal static class ConfigCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("config", "Inspect the configuration.");
        var check = new Command("check", "Validate the configuration file and POSTA_* environment variables, report every invalid setting, and check that certificate files load.");
        check.SetAction((parse, ct) => CliRunner.RunAsync(io, async () =>
        {
            var settings = AdminSession.LoadSettings(parse, io, extraOverrides: null);
            var problems = Composition.StartupChecks.CheckCertificates(settings);
            if (problems.Count > 0)
            {
                throw new InvalidSettingsException(problems);
            }

            await io.Out.WriteLineAsync($"configuration is valid ({(settings.ConfigFile is null ? "no configuration file; defaults and environment" : settings.ConfigFile)})");
            await io.Out.WriteLineAsync($"  hostname: {settings.Hostname}");
            await io.Out.WriteLineAsync($"  data: {Path.GetFullPath(settings.DataDirectory)}");
            await io.Out.WriteLineAsync($"  roles: {string.Join(", ", settings.Roles.Order(StringComparer.Ordinal))}");
            await io.Out.WriteLineAsync($"  certificates: {(settings.Certificates.Count == 0 ? "self-signed, generated in the data directory" : string.Join(", ", settings.Certificates.Select(c => c.Certificate)))}");
            return ExitCodes.Ok;
        }));
        command.Subcommands.Add(check);
        return command;
    }
}
