using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Posta.Configuration;

namespace Posta.Composition;

/// <summary>Checks that need the file system, run by <c>config check</c> before anything starts.</summary>
internal static class StartupChecks
{
    /// <summary>One line per certificate or key file that is missing or does not load.</summary>
    public static IReadOnlyList<string> CheckCertificates(PostaSettings settings)
    {
        var problems = new List<string>();
        for (var i = 0; i < settings.Certificates.Count; i++)
        {
            var (certificate, key) = settings.Certificates[i];
            try
            {
                using var loaded = X509Certificate2.CreateFromPemFile(certificate, key);
                if (!loaded.HasPrivateKey)
                {
                    problems.Add($"tls.certificates.{i}: {key} holds no private key for {certificate}");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
            {
                problems.Add($"tls.certificates.{i}: cannot load {certificate} with key {key}: {e.Message}");
            }
        }

        return problems;
    }
}
