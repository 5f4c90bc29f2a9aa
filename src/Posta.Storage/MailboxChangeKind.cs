namespace Posta.Storage;

/// <summary>What kind of change a <see cref="MailboxChange"/> announces.</summary>
public enum MailboxChangeKind
{
    /// <summary>Messages were added.</summary>
    MessagesAdded,

    /// <summary>Flags or keywords of messages changed.</summary>
    FlagsChanged,

    /// <summary>Messages were expunged.</summary>
    MessagesExpunged,

    /// <summary>The mailbox was created.</summary>
    MailboxCreated,

    /// <summary>The mailbox was renamed.</summary>
    MailboxRenamed,

    /// <summary>The mailbox was deleted.</summary>
    MailboxDeleted,

    /// <summary>
    /// The subscriber fell behind and changes were dropped: re-read the state of every mailbox of interest.
    /// </summary>
    Overflow,
}
