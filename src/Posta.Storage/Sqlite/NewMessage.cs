namespace Posta.Storage.Sqlite;

/// <summary>A message about to be inserted: an append, a delivery, or a copy of an existing message.</summary>
internal sealed record NewMessage(
    MessageFlags Flags,
    IReadOnlyList<string> Keywords,
    DateTimeOffset InternalDate,
    long Size,
    BlobHash BlobHash)
{
    public static NewMessage CopyOf(MessageRecord message) =>
        new(message.Flags, message.Keywords, message.InternalDate, message.Size, message.BlobHash);
}
