using System.Buffers;
using System.Security.Cryptography;

namespace Posta.Mime.Building;

/// <summary>A multipart (RFC 2046 §5.1) with a boundary chosen so it occurs in none of its parts.</summary>
public sealed class MultipartPart(string subtype, params BodyPart[] parts) : BodyPart
{
    /// <summary>The parts.</summary>
    public IList<BodyPart> Parts { get; } = [.. parts ?? throw new ArgumentNullException(nameof(parts))];

    /// <inheritdoc/>
    public override string MediaType { get; } = "multipart/" + (subtype ?? throw new ArgumentNullException(nameof(subtype)));

    /// <summary>Further Content-Type parameters (report-type, type…).</summary>
    public IList<KeyValuePair<string, string>> Parameters { get; } = [];

    internal override void WriteTo(ArrayBufferWriter<byte> output)
    {
        var bodies = Parts.Select(part =>
        {
            var buffer = new ArrayBufferWriter<byte>();
            part.WriteTo(buffer);
            return buffer;
        }).ToList();

        string boundary;
        do
        {
            // RFC 2046 §5.1.1: at most 70 characters from bchars; "=_" cannot occur in base64 or quoted-printable text.
            boundary = "=_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        }
        while (bodies.Any(b => b.WrittenSpan.IndexOf(System.Text.Encoding.ASCII.GetBytes(boundary)) >= 0));

        var parameters = Parameters.Select(p => (p.Key, p.Value)).Append(("boundary", boundary));
        WriteHeader(output, parameters, null);
        var delimiter = System.Text.Encoding.ASCII.GetBytes("--" + boundary);
        foreach (var body in bodies)
        {
            output.Write(delimiter);
            output.Write("\r\n"u8);
            output.Write(body.WrittenSpan);
            output.Write("\r\n"u8);
        }

        output.Write(delimiter);
        output.Write("--\r\n"u8);
    }
}
