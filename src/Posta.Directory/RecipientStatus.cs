namespace Posta.Directory;

/// <summary>What a recipient address turned out to be.</summary>
public enum RecipientStatus
{
    /// <summary>The domain is not hosted here.</summary>
    NotLocal,

    /// <summary>The domain is hosted but no user, alias or catch-all takes the address.</summary>
    Unknown,

    /// <summary>The address reaches at least one local user or external target.</summary>
    Resolved,

    /// <summary>Aliases point at each other in a loop or nest deeper than the limit.</summary>
    AliasLoop,
}
