namespace Posta.Imap.Protocol.Commands;

/// <summary>
/// A search key (RFC 9051 §6.4.4 and extensions). Abbreviations become their general form: FROM x is a
/// <see cref="HeaderKey"/> for "From", ANSWERED a <see cref="FlagKey"/>, NEW an <see cref="AndKey"/> of
/// \Recent and not \Seen, a bare sequence set a <see cref="SequenceKey"/>.
/// </summary>
public abstract record SearchKey;
