using System.Collections;

namespace Posta.Mime.Headers;

/// <summary>The header fields of one part, in source order. Name look-ups ignore ASCII case.</summary>
public sealed class HeaderList : IReadOnlyList<Header>
{
    private readonly Header[] headers;

    internal HeaderList(Header[] headers) => this.headers = headers;

    /// <summary>An empty list.</summary>
    public static HeaderList Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => headers.Length;

    /// <inheritdoc/>
    public Header this[int index] => headers[index];

    /// <summary>The first field with this name, or <see langword="null"/>.</summary>
    public Header? this[string name]
    {
        get
        {
            foreach (var header in headers)
            {
                if (header.Is(name))
                    return header;
            }

            return null;
        }
    }

    /// <summary>The last field with this name, or <see langword="null"/>.</summary>
    public Header? GetLast(string name)
    {
        for (var i = headers.Length - 1; i >= 0; i--)
        {
            if (headers[i].Is(name))
                return headers[i];
        }

        return null;
    }

    /// <summary>Every field with this name, in source order.</summary>
    public IEnumerable<Header> GetAll(string name)
    {
        foreach (var header in headers)
        {
            if (header.Is(name))
                yield return header;
        }
    }

    /// <summary>True when at least one field has this name.</summary>
    public bool Contains(string name) => this[name] is not null;

    /// <inheritdoc/>
    public IEnumerator<Header> GetEnumerator() => ((IEnumerable<Header>)headers).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => headers.GetEnumerator();
}
