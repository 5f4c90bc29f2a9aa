namespace Posta.Storage;

/// <summary>The outcome of a STORE.</summary>
/// <param name="ModSeq">The mod-sequence given to the messages that changed, or null when none did.</param>
/// <param name="Messages">Every message the STORE applied to, with its flags now (changed or not).</param>
/// <param name="Modified">
/// UIDs left untouched because they changed after UNCHANGEDSINCE: IMAP's MODIFIED response code (RFC 7162 §3.1.3).
/// </param>
public sealed record StoreFlagsResult(ulong? ModSeq, IReadOnlyList<MessageRecord> Messages, IReadOnlyList<uint> Modified);
