namespace Posta.Sasl;

/// <summary>
/// The SCRAM keys to run an exchange with, and the account they belong to; <see cref="Account"/> is null
/// when the keys are decoys that no password matches.
/// </summary>
public readonly record struct ScramLookup(ScramCredentials Credentials, string? Account);
