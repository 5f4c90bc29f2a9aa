namespace Posta.Imap.Protocol.Commands;

/// <summary>
/// HEADER field string, and FROM/TO/CC/BCC/SUBJECT (field "From", "To", "Cc", "Bcc", "Subject"):
/// the field exists and its decoded value contains the string, case-insensitively; an empty string
/// matches every message with the field.
/// </summary>
/// <param name="Field">The field name.</param>
/// <param name="Value">The substring, decoded with the command's charset.</param>
public sealed record HeaderKey(string Field, string Value) : SearchKey;
