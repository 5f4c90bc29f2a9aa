using Posta.Configuration;
using Posta.Directory;

namespace Posta.Composition;

/// <summary>Maps the account settings onto the directory's options.</summary>
internal static class DirectoryOptionsFactory
{
    public static DirectoryOptions From(PostaSettings settings) => new()
    {
        SubaddressDelimiters = settings.SubaddressDelimiters,
        DefaultQuotaBytes = settings.DefaultQuotaBytes,
        PasswordScheme = settings.PasswordScheme,
        MinPasswordLength = settings.MinPasswordLength,
    };
}
