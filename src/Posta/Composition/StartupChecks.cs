using Posta.Configuration;
using Posta.Hosting;

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
                new CertificateFiles(certificate, key).Check();
            }
            catch (CertificateLoadException e)
            {
                problems.Add($"tls.certificates.{i}: {e.Message}");
            }
        }

        return problems;
    }
}
