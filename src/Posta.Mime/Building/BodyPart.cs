using System.Buffers;
using System.Text;

namespace Posta.Mime.Building;

/// <summary>A MIME entity to compose: its Content-* header fields and its encoded body.</summary>
public abstract class BodyPart
{
    /// <summary>A Content-ID for this part ("&lt;id@domain&gt;"), referenced by multipart/related HTML.</summary>
    public string? ContentId { get; set; }

    /// <summary>A Content-Description.</summary>
    public string? Description { get; set; }

    /// <summary>Further header fields of this part, written as unstructured values.</summary>
    public IList<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>The media type, e.g. "text/plain".</summary>
    public abstract string MediaType { get; }

    internal abstract void WriteTo(ArrayBufferWriter<byte> output);

    /// <summary>Writes Content-Type (with parameters), Content-Transfer-Encoding and the common fields.</summary>
    private protected void WriteHeader(ArrayBufferWriter<byte> output, IEnumerable<(string Name, string Value)> parameters, string? transferEncoding, string? disposition = null, IEnumerable<(string Name, string Value)>? dispositionParameters = null)
    {
        var field = new StringBuilder();
        field.Append(Field("Content-Type", MediaType, parameters));
        if (transferEncoding is not null)
            field.Append(HeaderFormatter.Raw("Content-Transfer-Encoding", transferEncoding, "\r\n"));
        if (disposition is not null)
            field.Append(Field("Content-Disposition", disposition, dispositionParameters ?? []));
        if (ContentId is not null)
            field.Append(HeaderFormatter.Raw("Content-ID", ContentId, "\r\n"));
        if (Description is not null)
            field.Append(HeaderFormatter.Unstructured("Content-Description", Description, "\r\n"));
        foreach (var (name, value) in Headers)
            field.Append(HeaderFormatter.Unstructured(name, value, "\r\n"));
        field.Append("\r\n");
        output.Write(Encoding.UTF8.GetBytes(field.ToString()));
    }

    private static string Field(string name, string value, IEnumerable<(string Name, string Value)> parameters)
    {
        var tokens = new List<string> { value };
        foreach (var (parameterName, parameterValue) in parameters)
        {
            foreach (var section in ParameterFormatter.Format(parameterName, parameterValue))
            {
                tokens[^1] += ";";
                tokens.Add(section);
            }
        }

        return FoldParameters(name, tokens);
    }

    // Parameters go one per line when the field would pass 78 columns.
    private static string FoldParameters(string name, List<string> tokens)
    {
        var line = new StringBuilder(name).Append(": ").Append(tokens[0]);
        var column = line.Length;
        for (var i = 1; i < tokens.Count; i++)
        {
            if (column + 1 + tokens[i].Length > HeaderFormatter.LineLength)
            {
                line.Append("\r\n ");
                column = 1;
            }
            else
            {
                line.Append(' ');
                column++;
            }

            line.Append(tokens[i]);
            column += tokens[i].Length;
        }

        return line.Append("\r\n").ToString();
    }
}
