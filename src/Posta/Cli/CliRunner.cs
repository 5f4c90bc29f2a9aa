using System.CommandLine;
using Posta.Configuration;
using Posta.Directory;

namespace Posta.Cli;

/// <summary>Runs a verb and turns every expected failure into one clear line and an exit code.</summary>
internal static class CliRunner
{
    /// <summary>Opens an <see cref="AdminSession"/> and runs <paramref name="work"/> on it.</summary>
    public static Task<int> RunAdminAsync(ParseResult parse, CliIo io, CancellationToken cancellationToken, Func<AdminSession, CancellationToken, Task> work) =>
        RunAsync(io, async () =>
        {
            await using var session = await AdminSession.OpenAsync(parse, io, cancellationToken);
            await work(session, cancellationToken);
            return ExitCodes.Ok;
        });

    /// <summary>Runs <paramref name="work"/>, reporting failures on standard error.</summary>
    public static async Task<int> RunAsync(CliIo io, Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (InvalidSettingsException e)
        {
            foreach (var problem in e.Problems)
            {
                await io.Error.WriteLineAsync($"posta: invalid setting: {problem}");
            }

            await io.Error.WriteLineAsync($"posta: {e.Problems.Count} invalid setting(s); see docs/configuration.md");
            return ExitCodes.Configuration;
        }
        catch (ConfigurationException e)
        {
            await io.Error.WriteLineAsync($"posta: {e.Message}");
            return ExitCodes.Configuration;
        }
        catch (Exception e) when (e is CliException or DirectoryException)
        {
            await io.Error.WriteLineAsync($"posta: error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (StartupException e)
        {
            await io.Error.WriteLineAsync($"posta: cannot start: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            await io.Error.WriteLineAsync("posta: interrupted");
            return ExitCodes.Failed;
        }
    }
}
