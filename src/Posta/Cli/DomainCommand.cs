using System.CommandLine;

namespace Posta.Cli;

/// <summary><c>posta domain add|list|remove</c>.</summary>
internal static class DomainCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("domain", "Manage the domains this server receives mail for.");

        var addName = new Argument<string>("domain") { Description = "Domain name, like example.org (IDN names are accepted)." };
        var add = new Command("add", "Add a domain. Users and aliases can then be created in it.") { addName };
        add.SetAction((parse, ct) => CliRunner.RunAdminAsync(parse, io, ct, async (session, token) =>
        {
            var domain = await session.Directory.AddDomainAsync(parse.GetValue(addName)!, token);
            await io.Out.WriteLineAsync($"added domain {domain.Name}");
        }));

        var list = new Command("list", "List the domains, with their number of users and aliases.");
        list.SetAction((parse, ct) => CliRunner.RunAdminAsync(parse, io, ct, async (session, token) =>
        {
            foreach (var domain in await session.Directory.Store.ListDomainsAsync(token))
            {
                var (users, aliases) = await session.Directory.Store.CountDomainEntriesAsync(domain.Name, token);
                await io.Out.WriteLineAsync($"{domain.Name}\tusers={users}\taliases={aliases}");
            }
        }));

        var removeName = new Argument<string>("domain") { Description = "Domain to remove." };
        var force = new Option<bool>("--force") { Description = "Also delete the domain's users (with all their mail) and aliases." };
        var remove = new Command("remove", "Remove a domain. A domain that still has users or aliases needs --force.") { removeName, force };
        remove.SetAction((parse, ct) => CliRunner.RunAdminAsync(parse, io, ct, async (session, token) =>
        {
            var removed = await session.Directory.RemoveDomainAsync(parse.GetValue(removeName)!, parse.GetValue(force), token);
            await io.Out.WriteLineAsync($"removed domain {removed}");
        }));

        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(remove);
        return command;
    }
}
