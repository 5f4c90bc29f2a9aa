using System.CommandLine;

namespace Posta.Cli;

/// <summary>The three ways to give a password, shared by <c>user add</c> and <c>user passwd</c>.</summary>
internal sealed class PasswordOptions
{
    public Option<string?> Password { get; } = new("--password")
    {
        Description = "The password. Visible to other local users in the process list: prefer --password-stdin.",
        HelpName = "PASSWORD",
    };

    public Option<bool> PasswordStdin { get; } = new("--password-stdin")
    {
        Description = "Read the password from the first line of standard input.",
    };

    public Option<string?> PasswordHash { get; } = new("--password-hash")
    {
        Description = "A hash made elsewhere, as Dovecot stores it: '{SHA512-CRYPT}$6$...', '{BLF-CRYPT}$2y$...', '{SHA256-CRYPT}', '{MD5-CRYPT}', '{SCRAM-SHA-256}4096,salt,StoredKey,ServerKey' or '{PLAIN}'. A SCRAM-SHA-256 hash also serves SCRAM logins; with any other, SCRAM works after the user's first password login.",
        HelpName = "'{SCHEME}HASH'",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Password);
        command.Options.Add(PasswordStdin);
        command.Options.Add(PasswordHash);
    }

    /// <summary>The password or hash given; refuses none or more than one.</summary>
    public async Task<(string? Password, string? Hash)> ReadAsync(ParseResult parse, CliIo io)
    {
        var password = parse.GetValue(Password);
        var fromStdin = parse.GetValue(PasswordStdin);
        var hash = parse.GetValue(PasswordHash);
        var given = (password is null ? 0 : 1) + (fromStdin ? 1 : 0) + (hash is null ? 0 : 1);
        if (given == 0)
        {
            throw new CliException("a password is needed: give --password-stdin, --password or --password-hash");
        }

        if (given > 1)
        {
            throw new CliException("give only one of --password, --password-stdin and --password-hash");
        }

        if (fromStdin)
        {
            var line = await io.In.ReadLineAsync() ?? throw new CliException("--password-stdin: standard input is empty");
            return (line.TrimEnd('\r', '\n'), null);
        }

        return (password, hash);
    }
}
