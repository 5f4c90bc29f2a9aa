namespace Posta.Imap.Protocol.Commands;

/// <summary>MODSEQ [entry-name entry-type] n (RFC 7162 §3.1.5): mod-sequence at least n. The entry is parsed and ignored, as the RFC allows.</summary>
/// <param name="ModSeq">The lowest mod-sequence that matches.</param>
public sealed record ModSeqKey(ulong ModSeq) : SearchKey;
