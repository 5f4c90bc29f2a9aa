using System.Globalization;
using System.Text;

namespace Posta.Directory.Addresses;

/// <summary>
/// Normalises account, alias and domain names to the one form the store compares byte for byte:
/// lower-case local part, domain as lower-case A-labels (IDNA), no surrounding space.
/// </summary>
/// <remarks>
/// Local parts are compared case-insensitively, as every mail system people migrate from does
/// (RFC 5321 §2.4 lets the receiving host decide). Quoted local parts are refused for accounts:
/// they are legal on the wire but no administrator means to create one.
/// </remarks>
public static class AddressNormalizer
{
    // RFC 5321 §4.5.3.1.1: a local part is at most 64 octets.
    private const int MaxLocalPartOctets = 64;

    // RFC 5321 §4.5.3.1.2: a domain is at most 255 octets; RFC 1035 §2.3.4: a label at most 63.
    private const int MaxDomainOctets = 255;
    private const int MaxLabelOctets = 63;

    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>Normalises a domain name; on failure <paramref name="error"/> says why.</summary>
    public static bool TryNormalizeDomain(string? input, out string domain, out string? error)
    {
        domain = string.Empty;
        var text = input?.Trim().TrimEnd('.') ?? string.Empty;
        if (text.Length == 0)
        {
            error = "the domain is empty";
            return false;
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(text.ToLowerInvariant()).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            error = $"'{text}' is not a valid domain name";
            return false;
        }

        if (ascii.Length > MaxDomainOctets)
        {
            error = $"the domain '{text}' is longer than {MaxDomainOctets} octets";
            return false;
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2)
        {
            error = $"'{text}' is not a fully qualified domain name (it needs a dot, like example.org)";
            return false;
        }

        foreach (var label in labels)
        {
            if (!IsValidLabel(label))
            {
                error = $"'{text}' is not a valid domain name (label '{label}')";
                return false;
            }
        }

        domain = ascii;
        error = null;
        return true;
    }

    /// <summary>
    /// Normalises <c>local@domain</c>; on failure <paramref name="error"/> says why, naming the input.
    /// </summary>
    public static bool TryNormalizeAddress(string? input, out string address, out string? error)
    {
        address = string.Empty;
        var text = input?.Trim() ?? string.Empty;
        var at = text.LastIndexOf('@');
        if (at < 0)
        {
            error = $"'{text}' is not an email address: it has no @domain part";
            return false;
        }

        if (at == 0)
        {
            error = $"'{text}' is not an email address: the part before @ is empty";
            return false;
        }

        if (!TryNormalizeLocalPart(text[..at], out var local, out error))
        {
            error = $"'{text}' is not a valid email address: {error}";
            return false;
        }

        if (!TryNormalizeDomain(text[(at + 1)..], out var domain, out error))
        {
            error = $"'{text}' is not a valid email address: {error}";
            return false;
        }

        address = local + "@" + domain;
        return true;
    }

    /// <summary>Splits a normalised address at its last @.</summary>
    public static (string LocalPart, string Domain) Split(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? (address, string.Empty) : (address[..at], address[(at + 1)..]);
    }

    private static bool TryNormalizeLocalPart(string local, out string normalized, out string? error)
    {
        normalized = local.ToLowerInvariant();
        if (Encoding.UTF8.GetByteCount(normalized) > MaxLocalPartOctets)
        {
            error = $"the part before @ is longer than {MaxLocalPartOctets} octets";
            return false;
        }

        if (normalized.StartsWith('.') || normalized.EndsWith('.') || normalized.Contains("..", StringComparison.Ordinal))
        {
            error = "the part before @ may not start or end with a dot or contain two dots in a row";
            return false;
        }

        foreach (var c in normalized)
        {
            if (!IsAtomChar(c))
            {
                error = $"the character '{c}' is not allowed before @";
                return false;
            }
        }

        error = null;
        return true;
    }

    // RFC 5322 §3.2.3 atext, plus non-ASCII characters (RFC 6531 §3.3 UTF8-non-ascii).
    private static bool IsAtomChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '.' || "!#$%&'*+-/=?^_`{|}~".Contains(c) || (c > 127 && !char.IsWhiteSpace(c) && !char.IsControl(c));

    // RFC 1123 §2.1 host name labels: letters, digits, hyphen, not at either end.
    private static bool IsValidLabel(string label)
    {
        if (label.Length == 0 || label.Length > MaxLabelOctets || label[0] == '-' || label[^1] == '-')
        {
            return false;
        }

        foreach (var c in label)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
