namespace Posta.Imap.Protocol.Parsing;

/// <summary>What <see cref="ImapCommandParser"/> found in the input.</summary>
public enum ImapParseStatus
{
    /// <summary>A command (or APPEND message header) was parsed and consumed.</summary>
    Complete,

    /// <summary>The input holds no complete command yet; nothing was consumed.</summary>
    NeedMoreData,

    /// <summary>
    /// The command continues with a literal whose octets are not all in the input yet; nothing was
    /// consumed. The session checks <see cref="ImapParseResult.Literal"/> against its limits, sends a
    /// continuation request for a synchronizing literal (once), and calls again when more input came.
    /// </summary>
    NeedLiteral,

    /// <summary>The command is malformed; see <see cref="ImapParseResult.Error"/>.</summary>
    Error,
}
