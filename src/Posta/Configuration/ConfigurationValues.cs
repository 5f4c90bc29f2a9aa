using System.Globalization;

namespace Posta.Configuration;

/// <summary>Parsers for the value forms the configuration uses: durations, sizes, booleans.</summary>
internal static class ConfigurationValues
{
    /// <summary>"30s", "5m", "2h", "1d", "250ms", or a bare number of seconds.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = default;
        var t = text.Trim().ToLowerInvariant();
        (string digits, double scale) = t switch
        {
            _ when t.EndsWith("ms", StringComparison.Ordinal) => (t[..^2], 0.001),
            _ when t.EndsWith('s') => (t[..^1], 1),
            _ when t.EndsWith('m') => (t[..^1], 60),
            _ when t.EndsWith('h') => (t[..^1], 3600),
            _ when t.EndsWith('d') => (t[..^1], 86400),
            _ => (t, 1),
        };
        if (!double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number < 0 || number * scale > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(number * scale);
        return true;
    }

    /// <summary>"512K", "50M", "2G", "1T" (powers of 1024), a bare number of bytes; "unlimited" is null.</summary>
    public static bool TryParseSize(string text, out long? value)
    {
        value = null;
        var t = text.Trim().ToUpperInvariant();
        if (t is "UNLIMITED" or "NONE")
        {
            return true;
        }

        if (t.EndsWith('B'))
        {
            t = t[..^1];
        }

        long scale = 1;
        if (t.Length > 0 && "KMGT".Contains(t[^1], StringComparison.Ordinal))
        {
            scale = t[^1] switch { 'K' => 1L << 10, 'M' => 1L << 20, 'G' => 1L << 30, _ => 1L << 40 };
            t = t[..^1];
        }

        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > long.MaxValue / scale)
        {
            return false;
        }

        value = number * scale;
        return true;
    }

    /// <summary>true/false, yes/no, on/off, 1/0.</summary>
    public static bool TryParseBool(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "on" or "1":
                value = true;
                return true;
            case "false" or "no" or "off" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
