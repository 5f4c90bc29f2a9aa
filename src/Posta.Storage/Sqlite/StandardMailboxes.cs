namespace Posta.Storage.Sqlite;

/// <summary>The mailboxes every new user gets, subscribed, with their RFC 6154 special use.</summary>
internal static class StandardMailboxes
{
    public static readonly IReadOnlyList<(string Name, SpecialUse Use)> All =
    [
        (MailboxNames.Inbox, SpecialUse.None),
        ("Drafts", SpecialUse.Drafts),
        ("Sent", SpecialUse.Sent),
        ("Junk", SpecialUse.Junk),
        ("Trash", SpecialUse.Trash),
        ("Archive", SpecialUse.Archive),
    ];
}
