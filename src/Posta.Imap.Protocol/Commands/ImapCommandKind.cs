namespace Posta.Imap.Protocol.Commands;

/// <summary>The command verbs, for the session's state table (RFC 9051 §6 and the extensions Posta serves).</summary>
public enum ImapCommandKind
{
    /// <summary>CAPABILITY (RFC 9051 §6.1.1).</summary>
    Capability,
    /// <summary>NOOP (RFC 9051 §6.1.2).</summary>
    Noop,
    /// <summary>LOGOUT (RFC 9051 §6.1.3).</summary>
    Logout,
    /// <summary>STARTTLS (RFC 9051 §6.2.1).</summary>
    StartTls,
    /// <summary>AUTHENTICATE (RFC 9051 §6.2.2, RFC 4959 SASL-IR).</summary>
    Authenticate,
    /// <summary>LOGIN (RFC 9051 §6.2.3).</summary>
    Login,
    /// <summary>ENABLE (RFC 5161).</summary>
    Enable,
    /// <summary>ID (RFC 2971).</summary>
    Id,
    /// <summary>COMPRESS (RFC 4978).</summary>
    Compress,
    /// <summary>SELECT (RFC 9051 §6.3.2).</summary>
    Select,
    /// <summary>EXAMINE (RFC 9051 §6.3.3).</summary>
    Examine,
    /// <summary>CREATE (RFC 9051 §6.3.4, RFC 6154 USE).</summary>
    Create,
    /// <summary>DELETE (RFC 9051 §6.3.5).</summary>
    Delete,
    /// <summary>RENAME (RFC 9051 §6.3.6).</summary>
    Rename,
    /// <summary>SUBSCRIBE (RFC 9051 §6.3.7).</summary>
    Subscribe,
    /// <summary>UNSUBSCRIBE (RFC 9051 §6.3.8).</summary>
    Unsubscribe,
    /// <summary>LIST (RFC 9051 §6.3.9, RFC 5258, RFC 5819).</summary>
    List,
    /// <summary>LSUB (RFC 3501 §6.3.9).</summary>
    Lsub,
    /// <summary>NAMESPACE (RFC 9051 §6.3.10, RFC 2342).</summary>
    Namespace,
    /// <summary>STATUS (RFC 9051 §6.3.11).</summary>
    Status,
    /// <summary>APPEND (RFC 9051 §6.3.12, RFC 3502 MULTIAPPEND, RFC 3516 literal8).</summary>
    Append,
    /// <summary>IDLE (RFC 2177, RFC 9051 §6.3.13).</summary>
    Idle,
    /// <summary>GETQUOTA (RFC 9208 §4.2).</summary>
    GetQuota,
    /// <summary>GETQUOTAROOT (RFC 9208 §4.3).</summary>
    GetQuotaRoot,
    /// <summary>SETQUOTA (RFC 9208 §4.1).</summary>
    SetQuota,
    /// <summary>CHECK (RFC 3501 §6.4.1).</summary>
    Check,
    /// <summary>CLOSE (RFC 9051 §6.4.1).</summary>
    Close,
    /// <summary>UNSELECT (RFC 3691, RFC 9051 §6.4.2).</summary>
    Unselect,
    /// <summary>EXPUNGE and UID EXPUNGE (RFC 9051 §6.4.3, RFC 4315).</summary>
    Expunge,
    /// <summary>SEARCH and UID SEARCH (RFC 9051 §6.4.4, RFC 4731, RFC 5182).</summary>
    Search,
    /// <summary>FETCH and UID FETCH (RFC 9051 §6.4.5).</summary>
    Fetch,
    /// <summary>STORE and UID STORE (RFC 9051 §6.4.6, RFC 7162 UNCHANGEDSINCE).</summary>
    Store,
    /// <summary>COPY and UID COPY (RFC 9051 §6.4.7).</summary>
    Copy,
    /// <summary>MOVE and UID MOVE (RFC 6851, RFC 9051 §6.4.8).</summary>
    Move,
    /// <summary>SORT and UID SORT (RFC 5256, RFC 5267 ESORT).</summary>
    Sort,
    /// <summary>THREAD and UID THREAD (RFC 5256).</summary>
    Thread,
}
