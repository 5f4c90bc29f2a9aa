using System.Collections;

namespace Posta.Cli;

/// <summary>The process's standard streams and environment, replaceable so the CLI runs in tests.</summary>
internal sealed record CliIo(TextReader In, TextWriter Out, TextWriter Error, IDictionary Environment)
{
    /// <summary>The real console.</summary>
    public static CliIo FromConsole() => new(Console.In, Console.Out, Console.Error, System.Environment.GetEnvironmentVariables());
}
