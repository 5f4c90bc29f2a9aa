namespace Posta.Mime.Headers;

/// <summary>One Content-Type or Content-Disposition parameter, RFC 2231 sections already joined.</summary>
public sealed class MimeParameter
{
    internal MimeParameter(string name, string value, string wireName, ReadOnlyMemory<byte> wireValue, ReadOnlyMemory<byte> octets)
    {
        Octets = octets;
        Name = name;
        Value = value;
        WireName = wireName;
        WireValue = wireValue;
    }

    /// <summary>The parameter name as written, without RFC 2231 section or "*" suffixes.</summary>
    public string Name { get; }

    /// <summary>The decoded value (RFC 2231 charset, or RFC 2047 encoded words some mailers use instead).</summary>
    public string Value { get; }

    /// <summary>
    /// The name as IMAP BODYSTRUCTURE carries it: <see cref="Name"/>, plus "*" when the value is RFC 2231
    /// extended.
    /// </summary>
    public string WireName { get; }

    /// <summary>
    /// The value as IMAP BODYSTRUCTURE carries it: sections joined, quoting removed, and for extended values
    /// "charset'language'" followed by the percent-encoded octets.
    /// </summary>
    public ReadOnlyMemory<byte> WireValue { get; }

    /// <summary>The value's octets before charset decoding (what a boundary is compared with).</summary>
    internal ReadOnlyMemory<byte> Octets { get; }

    /// <inheritdoc/>
    public override string ToString() => Name + "=" + Value;
}
