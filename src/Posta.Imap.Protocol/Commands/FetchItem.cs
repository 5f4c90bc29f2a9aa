using Posta.Mime.Imap;

namespace Posta.Imap.Protocol.Commands;

/// <summary>One FETCH data item.</summary>
/// <param name="Kind">The item.</param>
/// <param name="Section">For BodySection, BinarySection and BinarySize: the section ([] is the whole message).</param>
/// <param name="Partial">For BodySection and BinarySection: the &lt;origin.count&gt;, or null.</param>
/// <param name="Peek">BODY.PEEK / BINARY.PEEK: do not set \Seen.</param>
/// <param name="Lazy">PREVIEW (LAZY).</param>
public sealed record FetchItem(FetchItemKind Kind, ImapSection? Section = null, FetchPartial? Partial = null, bool Peek = false, bool Lazy = false);
