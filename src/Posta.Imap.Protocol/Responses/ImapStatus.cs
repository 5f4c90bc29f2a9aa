namespace Posta.Imap.Protocol.Responses;

/// <summary>The status of a tagged or untagged status response (RFC 9051 §7.1).</summary>
public enum ImapStatus
{
    /// <summary>OK.</summary>
    Ok,

    /// <summary>NO.</summary>
    No,

    /// <summary>BAD.</summary>
    Bad,

    /// <summary>PREAUTH (greeting only).</summary>
    PreAuth,

    /// <summary>BYE.</summary>
    Bye,
}
