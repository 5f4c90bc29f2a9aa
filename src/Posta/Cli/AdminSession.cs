using System.CommandLine;
using Posta.Configuration;
using Posta.Composition;
using Posta.Directory;
using Posta.Storage;

namespace Posta.Cli;

/// <summary>
/// What an administration verb works with: the settings and the store they point at, opened
/// whether or not a server is running on it (the store takes care of concurrent writers).
/// </summary>
internal sealed class AdminSession : IAsyncDisposable
{
    private readonly IStore _store;

    private AdminSession(PostaSettings settings, IStore store)
    {
        Settings = settings;
        _store = store;
        var options = DirectoryOptionsFactory.From(settings);
        Directory = new AccountDirectory(store.Directory, options);
    }

    public PostaSettings Settings { get; }

    public AccountDirectory Directory { get; }

    /// <summary>Loads the settings (refusing invalid ones) and opens the store.</summary>
    public static async Task<AdminSession> OpenAsync(ParseResult parse, CliIo io, CancellationToken cancellationToken)
    {
        var settings = LoadSettings(parse, io, extraOverrides: null);
        var store = await StoreOpener.OpenAsync(settings, cancellationToken);
        return new AdminSession(settings, store);
    }

    /// <summary>Loads the settings; every problem is printed and the verb fails with EX_CONFIG.</summary>
    public static PostaSettings LoadSettings(ParseResult parse, CliIo io, IReadOnlyDictionary<string, string?>? extraOverrides)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (parse.GetValue<string?>(CommonOptions.DataName) is { } data)
        {
            overrides["data"] = data;
        }

        foreach (var (key, value) in extraOverrides ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var settings = SettingsLoader.Load(parse.GetValue<string?>(CommonOptions.ConfigName), overrides, io.Environment, out var errors);
        if (errors.Count > 0)
        {
            throw new InvalidSettingsException(errors);
        }

        return settings;
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
