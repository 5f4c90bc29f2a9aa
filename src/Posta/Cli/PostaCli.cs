using System.CommandLine;

namespace Posta.Cli;

/// <summary>The <c>posta</c> command line.</summary>
internal static class PostaCli
{
    /// <summary>Parses <paramref name="args"/> and runs the verb; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliIo io, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Posta: a complete mail server (SMTP, submission, LMTP, IMAP, POP3) in one program.");
        root.Options.Add(CommonOptions.CreateConfig());
        root.Options.Add(CommonOptions.CreateData());
        root.Subcommands.Add(ServeCommand.Create(io));
        root.Subcommands.Add(DomainCommand.Create(io));
        root.Subcommands.Add(UserCommand.Create(io));
        root.Subcommands.Add(AliasCommand.Create(io));
        root.Subcommands.Add(ConfigCommand.Create(io));

        // "@example.org" is a catch-all alias source, not a response file.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var errors = parse.Errors.Select(e => e.Message).ToList();

        // An unknown "--option" would otherwise be taken as the value of a positional argument.
        errors.AddRange(parse.Tokens
            .Where(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && t.Value.Length > 1 && t.Value[0] == '-')
            .Select(t => $"Unrecognized option '{t.Value}'."));
        if (errors.Count > 0)
        {
            foreach (var error in errors.Distinct())
            {
                await io.Error.WriteLineAsync($"posta: {error}");
            }

            var verb = string.Join(' ', CommandPath(parse.CommandResult));
            await io.Error.WriteLineAsync($"posta: see 'posta{(verb.Length > 0 ? " " + verb : string.Empty)} --help'");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { Output = io.Out, Error = io.Error, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult? result)
    {
        var names = new Stack<string>();
        for (var r = result; r is not null && r.Command is not RootCommand; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(r.Command.Name);
        }

        return names;
    }
}
