using System.Diagnostics.CodeAnalysis;
using System.Text;
using Posta.Sasl.Preparation;

namespace Posta.Sasl;

/// <summary>
/// SASLprep (RFC 4013), the stringprep profile (RFC 3454) for user names and passwords, applied to
/// "queries": unassigned code points are let through, which is what SCRAM asks for (RFC 5802 §2.2,
/// Normalize()). The "stored strings" variant, which refuses code points unassigned in Unicode 3.2
/// (RFC 3454 table A.1), is not offered.
/// </summary>
/// <remarks>
/// Steps, in the RFC's order: non-ASCII spaces (C.1.2) become U+0020 and the characters of B.1 are
/// removed (§2.1); NFKC (§2.2); prohibited output (§2.3: C.1.2, C.2.1, C.2.2, C.3–C.9) fails; the
/// bidirectional rules of RFC 3454 §6 (§2.4). U+200B is in both C.1.2 and B.1: it becomes a space, as in
/// GNU libidn, which GNU SASL clients use. NFKC uses Unicode data of a newer version than the 3.2 the
/// RFC names (see <c>scripts/generate-nfkc-data.py</c>); normalisation is stable, so the two agree on every
/// character Unicode 3.2 assigned.
/// </remarks>
public static class SaslPrep
{
    /// <summary>Prepares <paramref name="input"/>, or says why it cannot be prepared.</summary>
    public static bool TryPrepare(string input, [NotNullWhen(true)] out string? prepared, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        prepared = null;

        var mapped = new List<int>(input.Length);
        var index = 0;
        while (index < input.Length)
        {
            if (Rune.DecodeFromUtf16(input.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                error = $"the text has a lone surrogate at position {index} (RFC 3454 table C.5)";
                return false;
            }

            index += consumed;
            if (StringPrepTables.NonAsciiSpace.Contains(rune.Value))
            {
                mapped.Add(' ');
            }
            else if (!StringPrepTables.MappedToNothing.Contains(rune.Value))
            {
                mapped.Add(rune.Value);
            }
        }

        var normalized = IsAscii(mapped) ? mapped : Nfkc.Normalize(mapped);

        var hasRandAL = false;
        var hasL = false;
        foreach (var code in normalized)
        {
            if (StringPrepTables.Prohibited.Contains(code) || StringPrepTables.NonAsciiSpace.Contains(code))
            {
                error = $"U+{code:X4} may not appear in a prepared string (RFC 4013 §2.3)";
                return false;
            }

            hasRandAL |= StringPrepTables.RandALCat.Contains(code);
            hasL |= StringPrepTables.LCat.Contains(code);
        }

        if (hasRandAL)
        {
            if (hasL)
            {
                error = "the text mixes right-to-left and left-to-right characters (RFC 3454 §6)";
                return false;
            }

            if (!StringPrepTables.RandALCat.Contains(normalized[0]) || !StringPrepTables.RandALCat.Contains(normalized[^1]))
            {
                error = "right-to-left text must begin and end with a right-to-left character (RFC 3454 §6)";
                return false;
            }
        }

        var builder = new StringBuilder(normalized.Count);
        foreach (var code in normalized)
        {
            builder.Append(new Rune(code).ToString());
        }

        prepared = builder.ToString();
        error = null;
        return true;
    }

    /// <summary>Prepares <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentException">The text cannot be prepared; the message says why.</exception>
    public static string Prepare(string input) =>
        TryPrepare(input, out var prepared, out var error) ? prepared : throw new ArgumentException(error, nameof(input));

    private static bool IsAscii(List<int> codes)
    {
        foreach (var code in codes)
        {
            if (code >= 0x80)
            {
                return false;
            }
        }

        return true;
    }
}
