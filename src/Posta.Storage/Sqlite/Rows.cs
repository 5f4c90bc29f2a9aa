using Microsoft.Data.Sqlite;

namespace Posta.Storage.Sqlite;

/// <summary>Column lists and row readers shared by the reading and the writing side.</summary>
internal static class Rows
{
    public const string MailboxColumns = "m.id, m.user_id, m.name, m.uid_validity, m.uid_next, m.highest_modseq, m.special_use";

    public const string MessageColumns =
        "mailbox_id, uid, modseq, flags, keywords, internal_date, internal_date_offset, size, blob_hash";

    public static MailboxRow ReadMailbox(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInt64(1),
        reader.GetString(2),
        (uint)reader.GetInt64(3),
        (uint)reader.GetInt64(4),
        (ulong)reader.GetInt64(5),
        (SpecialUse)reader.GetInt32(6));

    public static MailboxRow? QueryMailbox(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadMailbox(reader) : null;
    }

    public static List<MessageRecord> QueryMessages(SqliteCommand command, List<MessageRecord>? into = null)
    {
        into ??= [];
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            into.Add(new MessageRecord(
                reader.GetInt64(0),
                (uint)reader.GetInt64(1),
                (ulong)reader.GetInt64(2),
                (MessageFlags)reader.GetInt32(3),
                Keywords.Parse(reader.GetString(4)),
                FromStored(reader.GetInt64(5), reader.GetInt32(6)),
                reader.GetInt64(7),
                BlobHash.Parse(reader.GetString(8))));
        }

        return into;
    }

    public static long UnixMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static int OffsetMinutes(DateTimeOffset time) => (int)time.Offset.TotalMinutes;

    public static DateTimeOffset FromStored(long unixMilliseconds, int offsetMinutes) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).ToOffset(TimeSpan.FromMinutes(offsetMinutes));
}
