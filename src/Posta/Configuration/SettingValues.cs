using System.Globalization;

namespace Posta.Configuration;

/// <summary>
/// The raw configuration key space (<c>section:key</c>, case-insensitive) with where each value
/// came from, typed readers that record problems with the setting's name and origin, and the set
/// of keys nobody read — which are typos or settings that do not exist.
/// </summary>
internal sealed class SettingValues
{
    private readonly Dictionary<string, (string? Value, string Origin)> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sets a value, replacing the key and anything nested under it from earlier sources.</summary>
    public void Set(string key, string? value, string origin)
    {
        RemoveTree(key);
        _values[key] = (value, origin);
    }

    /// <summary>Sets a value from an environment variable, named in errors.</summary>
    public void SetFromEnvironment(string key, string? value, string variable) => Set(key, value, variable);

    /// <summary>A scalar value, or null when unset.</summary>
    public string? String(string key)
    {
        _used.Add(key);
        return _values.TryGetValue(key, out var v) ? v.Value : null;
    }

    /// <summary>
    /// A list: either indexed children (<c>key:0</c>, <c>key:1</c>, as YAML sequences give) or one
    /// value separated by commas or spaces (as environment variables give). Null when unset.
    /// </summary>
    public IReadOnlyList<string>? List(string key)
    {
        _used.Add(key);
        if (_values.TryGetValue(key, out var scalar))
        {
            return (scalar.Value ?? string.Empty).Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        }

        var indexes = Indexes(key);
        if (indexes.Count == 0)
        {
            return null;
        }

        var list = new List<string>();
        foreach (var index in indexes)
        {
            var item = key + ":" + index.ToString(CultureInfo.InvariantCulture);
            _used.Add(item);
            if (_values.TryGetValue(item, out var v) && !string.IsNullOrWhiteSpace(v.Value))
            {
                list.Add(v.Value.Trim());
            }
        }

        return list;
    }

    /// <summary>The numeric child segments under a key, ascending.</summary>
    public IReadOnlyList<int> Indexes(string key) =>
        [.. Children(key).Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1).Where(i => i >= 0).Order()];

    /// <summary>The distinct next segments under a key.</summary>
    public IReadOnlyList<string> Children(string key)
    {
        var prefix = key + ":";
        return [.. _values.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(k => k[prefix.Length..].Split(':')[0].ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>An integer in [min, max], or null when unset or invalid (then a problem is recorded).</summary>
    public int? Int(string key, int min, int max, List<string> problems)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"{Describe(key)}: '{text}' is not a whole number from {min} to {max}");
        return null;
    }

    /// <summary>A duration of at least <paramref name="min"/>, or null when unset or invalid.</summary>
    public TimeSpan? Duration(string key, TimeSpan min, List<string> problems)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (ConfigurationValues.TryParseDuration(text, out var value) && value >= min)
        {
            return value;
        }

        problems.Add($"{Describe(key)}: '{text}' is not a duration of at least {min.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s (write it like 30s, 5m, 2h or 1d)");
        return null;
    }

    /// <summary>A boolean, or null when unset or invalid.</summary>
    public bool? Bool(string key, List<string> problems)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (ConfigurationValues.TryParseBool(text, out var value))
        {
            return value;
        }

        problems.Add($"{Describe(key)}: '{text}' is not true or false");
        return null;
    }

    /// <summary>Marks a key and everything under it as known.</summary>
    public void MarkUsed(string key)
    {
        _used.Add(key);
        foreach (var k in _values.Keys.Where(k => k.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase)))
        {
            _used.Add(k);
        }
    }

    /// <summary>Keys that were set but never read.</summary>
    public IEnumerable<string> Unused() => _values.Keys.Where(k => !_used.Contains(k)).Order(StringComparer.Ordinal);

    /// <summary>The setting's name as written in the file, and where its value came from.</summary>
    public string Describe(string key)
    {
        var display = YamlConfigurationReader.DisplayKey(key);
        if (_values.TryGetValue(key, out var v))
        {
            return v.Origin.StartsWith(SettingsLoader.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) ? $"{display} (from {v.Origin})" : $"{display} ({v.Origin})";
        }

        var nested = _values.FirstOrDefault(p => p.Key.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase));
        return nested.Key is null ? display : $"{display} ({nested.Value.Origin})";
    }

    private void RemoveTree(string key)
    {
        foreach (var k in _values.Keys.Where(k => k.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            _values.Remove(k);
        }
    }
}
