namespace Posta.Cli;

/// <summary>Process exit codes, following BSD sysexits.h where one fits.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The request was refused or failed (a duplicate user, an unknown domain...).</summary>
    public const int Failed = 1;

    /// <summary>EX_USAGE: the command line is wrong.</summary>
    public const int Usage = 64;

    /// <summary>EX_SOFTWARE: a bug.</summary>
    public const int InternalError = 70;

    /// <summary>EX_CONFIG: the configuration is invalid.</summary>
    public const int Configuration = 78;
}
