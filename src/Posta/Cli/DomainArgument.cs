using Posta.Directory.Addresses;

namespace Posta.Cli;

/// <summary>Normalises a domain given on the command line (IDN, case) the way the store keeps it.</summary>
internal static class DomainArgument
{
    /// <summary>The normalised domain, null when none was given; refuses an invalid one.</summary>
    public static string? Normalize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return AddressNormalizer.TryNormalizeDomain(text, out var domain, out var error) ? domain : throw new CliException(error!);
    }
}
