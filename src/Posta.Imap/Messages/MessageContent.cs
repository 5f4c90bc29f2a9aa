using Posta.Mime.Reading;

namespace Posta.Imap.Messages;

/// <summary>A message's parsed structure and its bytes (the whole message, or only its header when asked so).</summary>
/// <param name="Mime">The parsed message.</param>
/// <param name="Bytes">The octets <paramref name="Mime"/>'s offsets refer to.</param>
internal sealed record MessageContent(MimeMessage Mime, ReadOnlyMemory<byte> Bytes);
