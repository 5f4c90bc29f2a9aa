using System.CommandLine;

namespace Posta.Cli;

/// <summary><c>posta alias add|list|remove</c>.</summary>
internal static class AliasCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("alias", "Manage aliases: addresses that deliver to other addresses, local or external.");

        var addSource = new Argument<string>("source") { Description = "The alias address, or @domain for a catch-all of that domain." };
        var addTargets = new Argument<string[]>("target") { Description = "Where mail goes: local users, other aliases, external addresses; for a catch-all also @otherdomain (same local part there).", Arity = ArgumentArity.OneOrMore };
        var add = new Command("add", "Add an alias, or more targets to an existing one.") { addSource, addTargets };
        add.SetAction((parse, ct) => CliRunner.RunAdminAsync(parse, io, ct, async (session, token) =>
        {
            var alias = await session.Directory.AddAliasAsync(parse.GetValue(addSource)!, parse.GetValue(addTargets)!, token);
            await io.Out.WriteLineAsync($"{alias.Source} -> {string.Join(", ", alias.Targets)}");
        }));

        var listDomain = new Argument<string?>("domain") { Description = "Only the aliases of this domain.", Arity = ArgumentArity.ZeroOrOne };
        var list = new Command("list", "List aliases and their targets.") { listDomain };
        list.SetAction((parse, ct) => CliRunner.RunAdminAsync(parse, io, ct, async (session, token) =>
        {
            foreach (var alias in await session.Directory.Store.ListAliasesAsync(DomainArgument.Normalize(parse.GetValue(listDomain)), token))
            {
                await io.Out.WriteLineAsync($"{alias.Source}\t{string.Join(",", alias.Targets)}");
            }
        }));

        var removeSource = new Argument<string>("source") { Description = "The alias address or @domain." };
        var removeTarget = new Argument<string?>("target") { Description = "Remove only this target (default: the whole alias).", Arity = ArgumentArity.ZeroOrOne };
        var remove = new Command("remove", "Remove an alias, or one of its targets.") { removeSource, removeTarget };
        remove.SetAction((parse, ct) => CliRunner.RunAdminAsync(parse, io, ct, async (session, token) =>
        {
            await session.Directory.RemoveAliasAsync(parse.GetValue(removeSource)!, parse.GetValue(removeTarget), token);
            await io.Out.WriteLineAsync("removed");
        }));

        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(remove);
        return command;
    }
}
