using System.Diagnostics;

namespace Posta.Directory.Tests.Passwords;

/// <summary>Runs Dovecot's <c>doveadm pw</c>, the reference these tests hold Posta's hashes against.</summary>
internal static class Doveadm
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary><c>doveadm pw -s SCHEME [-r ROUNDS] -p PASSWORD</c>: the "{SCHEME}data" Dovecot makes.</summary>
    public static string Hash(string scheme, string password, int? rounds = null)
    {
        var arguments = new List<string> { "pw", "-s", scheme };
        if (rounds is { } r)
            arguments.AddRange(["-r", r.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        arguments.AddRange(["-p", password]);
        var (exitCode, output) = Run(arguments);
        Assert.True(exitCode == 0, $"doveadm pw -s {scheme} failed with exit code {exitCode}: {output}");
        return output.Trim();
    }

    /// <summary><c>doveadm pw -t HASH -p PASSWORD</c>: whether Dovecot accepts the password for the hash.</summary>
    public static (int ExitCode, string Output) Test(string hash, string password) =>
        Run(["pw", "-t", hash, "-p", password]);

    private static (int ExitCode, string Output) Run(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(FindExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // ArgumentList passes each argument as is (UTF-8 on Linux), with no shell in between.
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("doveadm did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill();
            Assert.Fail($"doveadm did not finish within {Timeout}");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin"))
        {
            var candidate = Path.Combine(directory, "doveadm");
            if (File.Exists(candidate))
                return candidate;
        }

        // Interop is the point of these tests: a missing doveadm is a broken test environment, not a skip.
        Assert.Fail("doveadm (Dovecot's dovecot-core package) is not installed; run ./test.sh, which installs it, or install dovecot-core");
        return null!;
    }
}
