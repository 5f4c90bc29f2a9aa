using System.Text;

namespace Posta.Mime.Headers;

/// <summary>A parsed Content-Disposition (RFC 2183).</summary>
public sealed class ContentDisposition
{
    private ContentDisposition(string rawDisposition, IReadOnlyList<MimeParameter> parameters)
    {
        RawDisposition = rawDisposition;
        Disposition = rawDisposition.ToLowerInvariant();
        Parameters = parameters;
    }

    /// <summary>The disposition type in lower case: "inline", "attachment", or an extension.</summary>
    public string Disposition { get; }

    /// <summary>The disposition type as written.</summary>
    public string RawDisposition { get; }

    /// <summary>The parameters in source order.</summary>
    public IReadOnlyList<MimeParameter> Parameters { get; }

    /// <summary>The decoded filename parameter.</summary>
    public string? FileName => GetParameter("filename");

    /// <summary>True for the "attachment" disposition.</summary>
    public bool IsAttachment => Disposition == "attachment";

    /// <summary>The first parameter with this name (ignoring case), decoded.</summary>
    public string? GetParameter(string name) => ContentType.Find(Parameters, name)?.Value;

    /// <summary>
    /// Parses a Content-Disposition value. Without a disposition type the parameters are still read (a
    /// filename is worth having) and <see cref="Disposition"/> is empty; with neither the result is
    /// <see langword="null"/>.
    /// </summary>
    public static ContentDisposition? Parse(ReadOnlySpan<byte> value)
    {
        var i = 0;
        Lexer.SkipCfws(value, ref i);
        var type = Lexer.ReadToken(value, ref i);
        if (!type.IsEmpty)
            return new ContentDisposition(Encoding.Latin1.GetString(type), ParameterParser.Parse(value, i));
        var semicolon = value.IndexOf((byte)';');
        var parameters = semicolon < 0 ? [] : ParameterParser.Parse(value, semicolon);
        return parameters.Count == 0 ? null : new ContentDisposition(string.Empty, parameters);
    }

    /// <inheritdoc/>
    public override string ToString() => Disposition;
}
