namespace Posta.Imap.Protocol.Commands;

/// <summary>The QRESYNC select parameter (RFC 7162 §3.2.5).</summary>
/// <param name="UidValidity">The UIDVALIDITY the client last knew.</param>
/// <param name="ModSeq">The last known mod-sequence.</param>
/// <param name="KnownUids">The UIDs the client knows, or null.</param>
/// <param name="KnownSequenceNumbers">The sequence-number half of the sequence match data, or null.</param>
/// <param name="KnownSequenceUids">The UID half of the sequence match data, or null.</param>
public sealed record QResyncParameters(
    uint UidValidity,
    ulong ModSeq,
    SequenceSet? KnownUids,
    SequenceSet? KnownSequenceNumbers,
    SequenceSet? KnownSequenceUids);
