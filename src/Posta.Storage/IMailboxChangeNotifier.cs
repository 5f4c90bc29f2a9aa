namespace Posta.Storage;

/// <summary>
/// Announces committed mailbox changes to interested sessions (IMAP IDLE and NOTIFY, JMAP push).
/// In-process for the embedded store; a PostgreSQL store relays the same events with LISTEN/NOTIFY.
/// </summary>
public interface IMailboxChangeNotifier
{
    /// <summary>
    /// Starts receiving the user's changes. The subscription is live when this returns, so a session
    /// that subscribes before reading mailbox state misses nothing.
    /// </summary>
    IChangeSubscription Subscribe(long userId);
}
