using System.Globalization;
using System.Text;
using Posta.Sasl.Preparation;
using Posta.Testing;

namespace Posta.Sasl.Tests;

/// <summary>
/// The tables and the normaliser held against Python's standard library, which carries the RFC 3454
/// tables (module stringprep) and Unicode normalisation (module unicodedata): every code point, and
/// sequences where ordering and composition matter.
/// </summary>
public sealed class SaslPrepReferenceTests
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task Every_code_point_is_in_the_same_tables_as_in_pythons_stringprep()
    {
        // One pass over the code points, printing each table as ranges in the RFC's notation.
        const string script = """
            import stringprep as s
            tests = [
                ("B.1", s.in_table_b1),
                ("C.1.2", s.in_table_c12),
                ("C.2-C.9", lambda c: s.in_table_c21_c22(c) or s.in_table_c3(c) or s.in_table_c4(c) or s.in_table_c5(c)
                    or s.in_table_c6(c) or s.in_table_c7(c) or s.in_table_c8(c) or s.in_table_c9(c)),
                ("D.1", s.in_table_d1),
                ("D.2", s.in_table_d2),
            ]
            starts = [None] * len(tests)
            ranges = [[] for _ in tests]
            for code in range(0x110001):
                ch = chr(code) if code < 0x110000 else None
                for i, (_, test) in enumerate(tests):
                    inside = ch is not None and test(ch)
                    if inside and starts[i] is None:
                        starts[i] = code
                    elif not inside and starts[i] is not None:
                        ranges[i].append("%X-%X" % (starts[i], code - 1))
                        starts[i] = None
            for (name, _), found in zip(tests, ranges):
                print(name, " ".join(found))
            """;
        var result = await ProcessRunner.RunAsync(ProcessRunner.RequireProgram(Python, "python3"), ["-c", script]);
        Assert.True(result.ExitCode == 0, result.ToString());

        var ours = new Dictionary<string, CodePointSet>
        {
            ["B.1"] = StringPrepTables.MappedToNothing,
            ["C.1.2"] = StringPrepTables.NonAsciiSpace,
            ["C.2-C.9"] = StringPrepTables.Prohibited,
            ["D.1"] = StringPrepTables.RandALCat,
            ["D.2"] = StringPrepTables.LCat,
        };
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ours.Count, lines.Length);
        foreach (var line in lines)
        {
            var parts = line.Split(' ');
            var reference = new HashSet<int>();
            foreach (var range in parts.Skip(1))
            {
                var bounds = range.Split('-');
                var first = int.Parse(bounds[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var last = int.Parse(bounds[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                for (var c = first; c <= last; c++)
                {
                    reference.Add(c);
                }
            }

            Assert.NotEmpty(reference);
            var table = ours[parts[0]];
            var differences = Enumerable.Range(0, 0x110000).Where(c => table.Contains(c) != reference.Contains(c)).Take(5).ToList();
            Assert.True(differences.Count == 0, $"table {parts[0]} differs at {string.Join(", ", differences.Select(c => $"U+{c:X4}"))}");
        }
    }

    [Fact]
    public async Task Nfkc_agrees_with_pythons_unicodedata_on_every_code_point_and_on_mark_sequences()
    {
        var inputs = new List<int[]>();
        for (var code = 0; code < 0x110000; code++)
        {
            if (code is < 0xD800 or > 0xDFFF)
            {
                inputs.Add([code]);
            }
        }

        // Bases, marks of several combining classes (and the same class twice), jamo, syllables and
        // compatibility characters, so that reordering, blocking and recomposition are all exercised.
        int[] pool =
        [
            'a', 'e', 'o', 'A', 0x00C5, 0x0300, 0x0301, 0x0308, 0x0316, 0x031B, 0x0323, 0x0327, 0x0345, 0x05B0, 0x0F71,
            0x0F72, 0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01, 0x1E9B, 0x212B, 0xFB01, 0x2168, 0x0958, 0x093C, 0x0915, 0x3099,
            0x304B, 0x1D15E, 0x1D165, 0x00A8, 0x0387,
        ];
        var random = new Random(4013);
        for (var i = 0; i < 20000; i++)
        {
            inputs.Add([.. Enumerable.Range(0, random.Next(2, 7)).Select(_ => pool[random.Next(pool.Length)])]);
        }

        var stdin = new StringBuilder();
        foreach (var input in inputs)
        {
            stdin.AppendJoin(' ', input.Select(c => c.ToString("X", CultureInfo.InvariantCulture))).Append('\n');
        }

        const string script = """
            import sys, unicodedata
            out = []
            for line in sys.stdin:
                text = "".join(chr(int(h, 16)) for h in line.split())
                out.append(" ".join("%X" % ord(c) for c in unicodedata.normalize("NFKC", text)))
            sys.stdout.write("\n".join(out) + "\n")
            """;
        var result = await ProcessRunner.RunAsync(ProcessRunner.RequireProgram(Python, "python3"), ["-c", script], stdin.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = result.Stdout.Split('\n');

        var mismatches = new List<string>();
        for (var i = 0; i < inputs.Count && mismatches.Count < 5; i++)
        {
            var ours = string.Join(' ', Nfkc.Normalize(inputs[i]).Select(c => c.ToString("X", CultureInfo.InvariantCulture)));
            if (ours != expected[i])
            {
                mismatches.Add($"{string.Join(' ', inputs[i].Select(c => c.ToString("X", CultureInfo.InvariantCulture)))}: ours {ours}, Python {expected[i]}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public void The_tables_come_from_the_unicode_version_the_generator_recorded()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+$", NormalizationData.Instance.UnicodeVersion);
        Assert.Equal([0x49, 0x58], Nfkc.Normalize([0x2168]));
    }
}
