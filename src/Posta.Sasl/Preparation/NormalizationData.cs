using System.Buffers.Binary;
using System.Collections.Frozen;

namespace Posta.Sasl.Preparation;

/// <summary>
/// The Unicode facts NFKC needs, read once from the resource scripts/generate-nfkc-data.py writes:
/// combining classes, full compatibility decompositions and the canonical pairs that recompose.
/// </summary>
internal sealed class NormalizationData
{
    private const string ResourceName = "Posta.Sasl.nfkc.bin";
    private static readonly Lazy<NormalizationData> Loaded = new(Load);

    private NormalizationData(
        string unicodeVersion,
        FrozenDictionary<int, byte> classes,
        FrozenDictionary<int, int[]> decompositions,
        FrozenDictionary<long, int> compositions)
    {
        UnicodeVersion = unicodeVersion;
        Classes = classes;
        Decompositions = decompositions;
        Compositions = compositions;
    }

    public static NormalizationData Instance => Loaded.Value;

    /// <summary>The Unicode version the tables were made from.</summary>
    public string UnicodeVersion { get; }

    public FrozenDictionary<int, byte> Classes { get; }

    public FrozenDictionary<int, int[]> Decompositions { get; }

    /// <summary>Composite by (first &lt;&lt; 21 | second).</summary>
    public FrozenDictionary<long, int> Compositions { get; }

    public static long PairKey(int first, int second) => ((long)first << 21) | (uint)second;

    private static NormalizationData Load()
    {
        using var stream = typeof(NormalizationData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the resource {ResourceName} is missing from Posta.Sasl");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var reader = new Reader(bytes);

        if (!reader.Take(6).SequenceEqual("PNFKC1"u8))
        {
            throw new InvalidDataException($"{ResourceName} is not NFKC data of the expected layout");
        }

        var version = System.Text.Encoding.ASCII.GetString(reader.Take(reader.Byte()));

        var classes = new Dictionary<int, byte>();
        for (var n = reader.UInt32(); n > 0; n--)
        {
            classes.Add(reader.CodePoint(), reader.Byte());
        }

        var decompositions = new Dictionary<int, int[]>();
        for (var n = reader.UInt32(); n > 0; n--)
        {
            var code = reader.CodePoint();
            var parts = new int[reader.Byte()];
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = reader.CodePoint();
            }

            decompositions.Add(code, parts);
        }

        var compositions = new Dictionary<long, int>();
        for (var n = reader.UInt32(); n > 0; n--)
        {
            var first = reader.CodePoint();
            var second = reader.CodePoint();
            compositions.Add(PairKey(first, second), reader.CodePoint());
        }

        if (!reader.AtEnd)
        {
            throw new InvalidDataException($"{ResourceName} has bytes after its last table");
        }

        return new NormalizationData(version, classes.ToFrozenDictionary(), decompositions.ToFrozenDictionary(), compositions.ToFrozenDictionary());
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _rest = data;

        public readonly bool AtEnd => _rest.IsEmpty;

        public ReadOnlySpan<byte> Take(int count)
        {
            var taken = _rest[..count];
            _rest = _rest[count..];
            return taken;
        }

        public byte Byte() => Take(1)[0];

        public int CodePoint()
        {
            var b = Take(3);
            return b[0] | (b[1] << 8) | (b[2] << 16);
        }

        public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
    }
}
