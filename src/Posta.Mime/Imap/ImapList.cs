using System.Text;

namespace Posta.Mime.Imap;

/// <summary>A parenthesised list.</summary>
public sealed class ImapList : ImapValue
{
    /// <summary>Creates a list whose elements are separated by single spaces.</summary>
    public ImapList(IReadOnlyList<ImapValue> items)
        : this(items, leadingListsAdjacent: false)
    {
    }

    /// <summary>Creates a list.</summary>
    /// <param name="items">The elements.</param>
    /// <param name="leadingListsAdjacent">
    /// True where the grammar concatenates lists without a space: the body parts of body-type-mpart
    /// ("1*body") and the addresses of an envelope address list ("1*address"), RFC 3501 §9.
    /// </param>
    public ImapList(IReadOnlyList<ImapValue> items, bool leadingListsAdjacent)
    {
        Items = items ?? throw new ArgumentNullException(nameof(items));
        LeadingListsAdjacent = leadingListsAdjacent;
    }

    /// <summary>The elements.</summary>
    public IReadOnlyList<ImapValue> Items { get; }

    /// <summary>True when the run of list elements at the start is written without separating spaces.</summary>
    public bool LeadingListsAdjacent { get; }

    /// <summary>True when no space goes before element <paramref name="index"/> (&gt; 0).</summary>
    public bool IsAdjacent(int index)
    {
        if (!LeadingListsAdjacent || Items[index] is not ImapList)
            return false;
        for (var i = 0; i < index; i++)
        {
            if (Items[i] is not ImapList)
                return false;
        }

        return true;
    }

    /// <inheritdoc/>
    public override void WriteTo(StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Append('(');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0 && !IsAdjacent(i))
                output.Append(' ');
            Items[i].WriteTo(output);
        }

        output.Append(')');
    }
}
