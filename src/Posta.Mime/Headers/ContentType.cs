using System.Text;

namespace Posta.Mime.Headers;

/// <summary>A parsed Content-Type (RFC 2045 §5), or the default a part gets without a usable one.</summary>
public sealed class ContentType
{
    private static readonly IReadOnlyList<MimeParameter> NoParameters = [];

    private ContentType(string rawType, string rawSubtype, IReadOnlyList<MimeParameter> parameters, bool isDefault)
    {
        RawMediaType = rawType;
        RawMediaSubtype = rawSubtype;
        MediaType = rawType.ToLowerInvariant();
        MediaSubtype = rawSubtype.ToLowerInvariant();
        Parameters = parameters;
        IsDefault = isDefault;
    }

    /// <summary>text/plain, RFC 2045 §5.2's default.</summary>
    public static ContentType TextPlain { get; } = new("text", "plain", NoParameters, true);

    /// <summary>message/rfc822, the default inside multipart/digest (RFC 2046 §5.1.5).</summary>
    public static ContentType MessageRfc822 { get; } = new("message", "rfc822", NoParameters, true);

    /// <summary>The top-level media type in lower case, e.g. "text".</summary>
    public string MediaType { get; }

    /// <summary>The subtype in lower case, e.g. "plain".</summary>
    public string MediaSubtype { get; }

    /// <summary>The top-level media type as written.</summary>
    public string RawMediaType { get; }

    /// <summary>The subtype as written.</summary>
    public string RawMediaSubtype { get; }

    /// <summary>"type/subtype" in lower case.</summary>
    public string MimeType => MediaType + "/" + MediaSubtype;

    /// <summary>The parameters in source order, duplicates kept.</summary>
    public IReadOnlyList<MimeParameter> Parameters { get; }

    /// <summary>
    /// True when the part had no Content-Type, or one whose type/subtype could not be read: the type is
    /// then the default (parameters that could be read are kept).
    /// </summary>
    public bool IsDefault { get; }

    /// <summary>The charset parameter.</summary>
    public string? Charset => GetParameter("charset")?.Trim();

    /// <summary>The boundary parameter.</summary>
    public string? Boundary => GetParameter("boundary");

    /// <summary>The name parameter (the pre-Content-Disposition way of naming an attachment).</summary>
    public string? Name => GetParameter("name");

    /// <summary>True for type/subtype equal to the arguments, ignoring case.</summary>
    public bool Is(string mediaType, string mediaSubtype) =>
        string.Equals(MediaType, mediaType, StringComparison.OrdinalIgnoreCase) && string.Equals(MediaSubtype, mediaSubtype, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first parameter with this name (ignoring case), decoded.</summary>
    public string? GetParameter(string name) => Find(Parameters, name)?.Value;

    internal byte[]? BoundaryBytes
    {
        get
        {
            var boundary = Find(Parameters, "boundary");
            return boundary is null || boundary.Octets.IsEmpty || boundary.Octets.Length > MimeLimits.MaxBoundaryLength
                ? null
                : boundary.Octets.ToArray();
        }
    }

    internal static MimeParameter? Find(IReadOnlyList<MimeParameter> parameters, string name)
    {
        foreach (var parameter in parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
                return parameter;
        }

        return null;
    }

    /// <summary>Parses a Content-Type value; <paramref name="fallback"/> supplies the type when it is unusable.</summary>
    public static ContentType Parse(ReadOnlySpan<byte> value, ContentType fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        var i = 0;
        Lexer.SkipCfws(value, ref i);
        var type = Lexer.ReadToken(value, ref i);
        Lexer.SkipCfws(value, ref i);
        var subtype = ReadOnlySpan<byte>.Empty;
        if (i < value.Length && value[i] == '/')
        {
            i++;
            Lexer.SkipCfws(value, ref i);
            subtype = Lexer.ReadToken(value, ref i);
        }

        if (type.IsEmpty || subtype.IsEmpty)
        {
            // RFC 2045 §5.2: an unusable Content-Type means the default. Parameters after the first ';' still count.
            var semicolon = value.IndexOf((byte)';');
            var parameters = semicolon < 0 ? NoParameters : ParameterParser.Parse(value, semicolon);
            return new ContentType(fallback.RawMediaType, fallback.RawMediaSubtype, parameters, true);
        }

        return new ContentType(Encoding.Latin1.GetString(type), Encoding.Latin1.GetString(subtype), ParameterParser.Parse(value, i), false);
    }

    /// <inheritdoc/>
    public override string ToString() => MimeType;
}
