using System.CommandLine;

namespace Posta.Cli;

/// <summary>Options every verb takes.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Config = new("--config", "-c")
    {
        Description = "Configuration file (YAML). Default: $POSTA_CONFIG, else ./posta.yml if it exists, else none.",
        HelpName = "FILE",
        Recursive = true,
    };

    public static readonly Option<string?> Data = new("--data", "-d")
    {
        Description = "Data directory of the embedded store (default: ./data).",
        HelpName = "DIR",
        Recursive = true,
    };
}
