namespace Posta.Storage.Sqlite;

/// <summary>A mailbox row as write operations use it.</summary>
internal sealed record MailboxRow(
    long Id,
    long UserId,
    string Name,
    uint UidValidity,
    uint UidNext,
    ulong HighestModSeq,
    SpecialUse SpecialUse)
{
    public MailboxInfo ToInfo(bool subscribed) =>
        new(Id, UserId, Name, UidValidity, UidNext, HighestModSeq, SpecialUse, subscribed);
}
