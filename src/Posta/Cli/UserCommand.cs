using System.CommandLine;
using System.Globalization;
using Posta.Configuration;

namespace Posta.Cli;

/// <summary><c>posta user add|list|passwd|set|remove</c>.</summary>
internal static class UserCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("user", "Manage mail accounts. A user logs in with its full address (or an alias of it).");
        command.Subcommands.Add(CreateAdd(io));
        command.Subcommands.Add(CreateList(io));
        command.Subcommands.Add(CreatePasswd(io));
        command.Subcommands.Add(CreateSet(io));
        command.Subcommands.Add(CreateRemove(io));
        return command;
    }

    private static Command CreateAdd(CliIo io)
    {
        var address = new Argument<string>("address") { Description = "The account's address, like alice@example.org; its domain must exist." };
        var quota = new Option<string?>("--quota") { Description = "Storage quota, like 2G or 500M (default: accounts.default_quota).", HelpName = "SIZE" };
        var passwords = new PasswordOptions();
        var add = new Command("add", "Create an account with its standard folders (INBOX, Drafts, Sent, Junk, Trash, Archive).") { address, quota };
        passwords.AddTo(add);
        add.SetAction((parse, ct) => CliRunner.RunAdminAsync(parse, io, ct, async (session, token) =>
        {
            var quotaBytes = ParseQuota(parse.GetValue(quota));
            var (password, hash) = await passwords.ReadAsync(parse, io);
            var user = await session.Directory.AddUserAsync(parse.GetValue(address)!, password, hash, quotaBytes, token);
            await io.Out.WriteLineAsync($"added user {user.Address}");
        }));
        return add;
    }

    private static Command CreateList(CliIo io)
    {
        var domain = new Argument<string?>("domain") { Description = "Only the users of this domain.", Arity = ArgumentArity.ZeroOrOne };
        var list = new Command("list", "List accounts with their quota and state.") { domain };
        list.SetAction((parse, ct) => CliRunner.RunAdminAsync(parse, io, ct, async (session, token) =>
        {
            var filter = DomainArgument.Normalize(parse.GetValue(domain));
            foreach (var user in await session.Directory.Store.ListUsersAsync(filter, token))
            {
                var quotaText = user.QuotaBytes is { } q ? FormatSize(q) : session.Settings.DefaultQuotaBytes is { } d ? FormatSize(d) + " (default)" : "unlimited";
                await io.Out.WriteLineAsync($"{user.Address}\tquota={quotaText}{(user.Disabled ? "\tdisabled" : string.Empty)}");
            }
        }));
        return list;
    }

    private static Command CreatePasswd(CliIo io)
    {
        var address = new Argument<string>("address") { Description = "The account." };
        var passwords = new PasswordOptions();
        var passwd = new Command("passwd", "Set an account's password.") { address };
        passwords.AddTo(passwd);
        passwd.SetAction((parse, ct) => CliRunner.RunAdminAsync(parse, io, ct, async (session, token) =>
        {
            var (password, hash) = await passwords.ReadAsync(parse, io);
            await session.Directory.SetPasswordAsync(parse.GetValue(address)!, password, hash, token);
            await io.Out.WriteLineAsync("password changed");
        }));
        return passwd;
    }

    private static Command CreateSet(CliIo io)
    {
        var address = new Argument<string>("address") { Description = "The account." };
        var quota = new Option<string?>("--quota") { Description = "New quota, like 2G; 'default' uses accounts.default_quota.", HelpName = "SIZE" };
        var disable = new Option<bool>("--disable") { Description = "Refuse logins and mail for the account, keeping its mail." };
        var enable = new Option<bool>("--enable") { Description = "Allow the account again." };
        var set = new Command("set", "Change an account's quota, or disable and enable it.") { address, quota, disable, enable };
        set.SetAction((parse, ct) => CliRunner.RunAdminAsync(parse, io, ct, async (session, token) =>
        {
            if (parse.GetValue(disable) && parse.GetValue(enable))
            {
                throw new CliException("give --disable or --enable, not both");
            }

            var user = await session.Directory.GetUserAsync(parse.GetValue(address)!, token);
            var quotaText = parse.GetValue(quota);
            var quotaBytes = quotaText is null ? user.QuotaBytes : quotaText.Trim().Equals("default", StringComparison.OrdinalIgnoreCase) ? null : ParseQuota(quotaText);
            var disabled = parse.GetValue(disable) || (user.Disabled && !parse.GetValue(enable));
            await session.Directory.UpdateUserAsync(user.Address, quotaBytes, disabled, token);
            await io.Out.WriteLineAsync($"updated user {user.Address}");
        }));
        return set;
    }

    private static Command CreateRemove(CliIo io)
    {
        var address = new Argument<string>("address") { Description = "The account to delete, with all of its mail." };
        var remove = new Command("remove", "Delete an account and all of its mail.") { address };
        remove.SetAction((parse, ct) => CliRunner.RunAdminAsync(parse, io, ct, async (session, token) =>
        {
            var removed = await session.Directory.RemoveUserAsync(parse.GetValue(address)!, token);
            await io.Out.WriteLineAsync($"removed user {removed}");
        }));
        return remove;
    }

    private static long? ParseQuota(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!ConfigurationValues.TryParseSize(text, out var bytes))
        {
            throw new CliException($"--quota: '{text}' is not a size (like 2G, 500M or unlimited)");
        }

        // 0 means unlimited for this user even when a default quota applies to others.
        return bytes ?? 0;
    }

    private static string FormatSize(long bytes) => bytes switch
    {
        0 => "unlimited",
        >= 1L << 30 when bytes % (1L << 30) == 0 => (bytes >> 30).ToString(CultureInfo.InvariantCulture) + "G",
        >= 1L << 20 when bytes % (1L << 20) == 0 => (bytes >> 20).ToString(CultureInfo.InvariantCulture) + "M",
        >= 1L << 10 when bytes % (1L << 10) == 0 => (bytes >> 10).ToString(CultureInfo.InvariantCulture) + "K",
        _ => bytes.ToString(CultureInfo.InvariantCulture),
    };
}
