namespace Posta.Storage;

/// <summary>A STORE of flags and keywords.</summary>
/// <param name="Mode">Replace, add or remove.</param>
/// <param name="Flags">System flags.</param>
/// <param name="Keywords">Keywords (IMAP atoms, compared case-insensitively), or null for none.</param>
public sealed record FlagChange(FlagChangeMode Mode, MessageFlags Flags, IReadOnlyList<string>? Keywords = null);
