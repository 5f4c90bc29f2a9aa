namespace Posta.Configuration;

/// <summary>
/// The roles a process can play, and the listeners each one owns. A split deployment runs the same
/// binary with different roles (an Internet-facing MX without the store, an IMAP node, ...).
/// </summary>
internal static class Roles
{
    public const string Mx = "mx";
    public const string Submission = "submission";
    public const string Imap = "imap";
    public const string Pop3 = "pop3";
    public const string Lmtp = "lmtp";
    public const string ManageSieve = "managesieve";
    public const string Web = "web";
    public const string Queue = "queue";

    /// <summary>Every role, in the order they are documented.</summary>
    public static readonly IReadOnlyList<string> All = [Mx, Submission, Imap, Pop3, Lmtp, ManageSieve, Web, Queue];

    /// <summary>The listeners a role serves.</summary>
    public static IReadOnlyList<string> ListenersOf(string role) => role switch
    {
        Mx => ["smtp"],
        Submission => ["submission", "submissions"],
        Imap => ["imap", "imaps"],
        Pop3 => ["pop3", "pop3s"],
        Lmtp => ["lmtp"],
        ManageSieve => ["managesieve"],
        Web => ["http", "https"],
        _ => [],
    };
}
