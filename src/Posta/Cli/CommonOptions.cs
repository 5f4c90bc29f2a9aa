using System.CommandLine;

namespace Posta.Cli;

/// <summary>
/// Options every verb takes. Each command tree gets its own instances (an option belongs to one
/// parent), and verbs read them back by name.
/// </summary>
internal static class CommonOptions
{
    public const string ConfigName = "--config";
    public const string DataName = "--data";

    public static Option<string?> CreateConfig() => new(ConfigName, "-c")
    {
        Description = "Configuration file (YAML). Default: $POSTA_CONFIG, else ./posta.yml if it exists, else none.",
        HelpName = "FILE",
        Recursive = true,
    };

    public static Option<string?> CreateData() => new(DataName, "-d")
    {
        Description = "Data directory of the embedded store (default: ./data).",
        HelpName = "DIR",
        Recursive = true,
    };
}
