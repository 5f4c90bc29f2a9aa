using Posta.Mime.Encodings;

namespace Posta.Mime.Addresses;

/// <summary>An RFC 5322 §3.4 group: "name: member, member;".</summary>
public sealed class GroupAddress : Address
{
    internal GroupAddress(byte[] rawName, IReadOnlyList<MailboxAddress> members)
    {
        RawName = rawName;
        Name = EncodedWords.DecodeUnstructured(rawName);
        Members = members;
    }

    /// <summary>The group's display name, RFC 2047 decoded.</summary>
    public string Name { get; }

    /// <summary>The group name's words as written.</summary>
    public ReadOnlyMemory<byte> RawName { get; }

    /// <summary>The members; often none ("undisclosed-recipients:;").</summary>
    public IReadOnlyList<MailboxAddress> Members { get; }

    /// <inheritdoc/>
    public override string ToString() => Name + ": " + string.Join(", ", Members) + ";";
}
