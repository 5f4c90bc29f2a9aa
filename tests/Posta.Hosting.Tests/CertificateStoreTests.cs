using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Posta.Hosting.Tests.Support;
using Posta.Hosting.Tls;

namespace Posta.Hosting.Tests;

public sealed class CertificateStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly LogCollector _logs = new();
    private readonly ILoggerFactory _loggers;

    public CertificateStoreTests()
    {
        _loggers = LoggerFactory.Create(builder => builder.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
    }

    public void Dispose()
    {
        _loggers.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Fullchain_pem_yields_the_leaf_with_its_intermediate()
    {
        using var root = TestCertificates.CreateAuthority("Test Root");
        using var intermediate = IssueIntermediate(root);
        using var leaf = TestCertificates.CreateServer(["mail.example.org"], issuer: intermediate);
        var files = TestCertificates.WritePem(_temp.Combine("live"), leaf, intermediate);
        var store = Store(files);

        store.EnsureLoaded();

        var certificate = store.Current.Default;
        Assert.Equal(leaf.Thumbprint, certificate.Thumbprint);
        Assert.True(certificate.Leaf.HasPrivateKey);
        Assert.Contains(certificate.Context.IntermediateCertificates, c => c.Thumbprint == intermediate.Thumbprint);
        Assert.Equal(["mail.example.org"], certificate.DnsNames);
        Assert.Contains(_logs.Entries, e => e.EventName == "CertificateLoaded" && e.Message.Contains(files.CertificatePath, StringComparison.Ordinal));
    }

    [Fact]
    public void RSA_and_ECDSA_keys_both_load()
    {
        using var rsa = TestCertificates.CreateServer(["rsa.example.org"], rsa: true);
        using var ecdsa = TestCertificates.CreateServer(["ec.example.org"]);
        var store = Store(TestCertificates.WritePem(_temp.Combine("rsa"), rsa), TestCertificates.WritePem(_temp.Combine("ec"), ecdsa));

        store.EnsureLoaded();

        Assert.Equal(rsa.Thumbprint, store.Select("rsa.example.org").Thumbprint);
        Assert.Equal(ecdsa.Thumbprint, store.Select("ec.example.org").Thumbprint);
    }

    [Fact]
    public void SNI_picks_exact_names_then_one_label_wildcards_then_the_first_certificate()
    {
        using var first = TestCertificates.CreateServer(["mail.example.test", "mx.example.test"]);
        using var wildcard = TestCertificates.CreateServer(["*.example.org"]);
        using var exact = TestCertificates.CreateServer(["imap.example.org"]);
        var store = Store(
            TestCertificates.WritePem(_temp.Combine("a"), first),
            TestCertificates.WritePem(_temp.Combine("b"), wildcard),
            TestCertificates.WritePem(_temp.Combine("c"), exact));
        store.EnsureLoaded();

        Assert.Equal(first.Thumbprint, store.Select("mx.example.test").Thumbprint);
        Assert.Equal(first.Thumbprint, store.Select("MX.Example.Test.").Thumbprint);
        Assert.Equal(exact.Thumbprint, store.Select("imap.example.org").Thumbprint);
        Assert.Equal(wildcard.Thumbprint, store.Select("smtp.example.org").Thumbprint);
        Assert.Equal(first.Thumbprint, store.Select("example.org").Thumbprint);
        Assert.Equal(first.Thumbprint, store.Select("a.b.example.org").Thumbprint);
        Assert.Equal(first.Thumbprint, store.Select("unknown.test").Thumbprint);
        Assert.Equal(first.Thumbprint, store.Select(null).Thumbprint);
    }

    [Fact]
    public void A_missing_file_stops_the_start_naming_it()
    {
        var missing = _temp.Combine("live", "example.org", "fullchain.pem");
        var store = Store(new CertificateFiles(missing, _temp.Combine("live", "example.org", "privkey.pem")));

        var error = Assert.Throws<CertificateLoadException>(store.EnsureLoaded);

        Assert.Equal(missing, error.Path);
        Assert.Equal($"tls: {missing}: file not found", error.Message);
    }

    [Fact]
    public void A_key_that_does_not_match_the_certificate_stops_the_start_naming_both()
    {
        using var a = TestCertificates.CreateServer(["a.example.org"]);
        using var b = TestCertificates.CreateServer(["b.example.org"]);
        var files = TestCertificates.WritePem(_temp.Combine("a"), a);
        File.WriteAllText(files.KeyPath, TestCertificates.KeyPem(b));

        var error = Assert.Throws<CertificateLoadException>(Store(files).EnsureLoaded);

        Assert.Contains(files.CertificatePath, error.Message, StringComparison.Ordinal);
        Assert.Contains(files.KeyPath, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a certificate", "no PEM certificate found")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "cannot be used")]
    public void A_broken_certificate_file_stops_the_start_naming_it(string content, string problem)
    {
        using var a = TestCertificates.CreateServer(["a.example.org"]);
        var files = TestCertificates.WritePem(_temp.Combine("a"), a);
        File.WriteAllText(files.CertificatePath, content);

        var error = Assert.Throws<CertificateLoadException>(Store(files).EnsureLoaded);

        Assert.StartsWith($"tls: {files.CertificatePath}: {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_encrypted_key_is_refused_with_advice()
    {
        using var a = TestCertificates.CreateServer(["a.example.org"]);
        var files = TestCertificates.WritePem(_temp.Combine("a"), a);
        var encrypted = a.GetECDsaPrivateKey()!.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1000));
        File.WriteAllText(files.KeyPath, encrypted);

        var error = Assert.Throws<CertificateLoadException>(Store(files).EnsureLoaded);

        Assert.Equal(files.KeyPath, error.Path);
        Assert.Contains("encrypted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_not_meant_for_servers_is_refused()
    {
        using var key = ECDsa.Create();
        var request = new CertificateRequest("CN=client", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var client = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var files = TestCertificates.WritePem(_temp.Combine("client"), client);

        var error = Assert.Throws<CertificateLoadException>(Store(files).EnsureLoaded);

        Assert.Contains("server authentication", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changed_files_are_swapped_in_and_a_broken_change_keeps_the_old_certificate()
    {
        using var first = TestCertificates.CreateServer(["mail.example.org"]);
        using var second = TestCertificates.CreateServer(["mail.example.org"]);
        var directory = _temp.Combine("live");
        var files = TestCertificates.WritePem(directory, first);
        var store = Store(files);
        store.EnsureLoaded();

        Assert.False(store.CheckForChanges());

        File.WriteAllText(files.CertificatePath, "garbage from a failed renewal");
        Assert.False(store.CheckForChanges());
        Assert.False(store.CheckForChanges());
        Assert.Equal(first.Thumbprint, store.Select("mail.example.org").Thumbprint);
        Assert.Single(_logs.Entries, e => e.EventName == "CertificateReloadFailed" && e.Level == LogLevel.Error);

        File.Delete(files.KeyPath);
        Assert.False(store.CheckForChanges());
        Assert.Equal(first.Thumbprint, store.Select("mail.example.org").Thumbprint);

        TestCertificates.WritePem(directory, second);
        Assert.True(store.CheckForChanges());
        Assert.Equal(second.Thumbprint, store.Select("mail.example.org").Thumbprint);
        Assert.Contains(_logs.Entries, e => e.EventName == "CertificateReloaded");
    }

    [Fact]
    public void Without_certificates_a_self_signed_one_is_generated_with_a_private_key_file_and_reused()
    {
        var directory = _temp.Combine("data", "tls");
        var options = Options();
        options.Tls.SelfSignedDirectory = directory;

        var store = new CertificateStore(options, TimeProvider.System, _loggers);
        store.EnsureLoaded();

        var keyPath = Path.Combine(directory, "key.pem");
        var certificatePath = Path.Combine(directory, "cert.pem");
        Assert.True(File.Exists(certificatePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
        var generated = store.Current.Default;
        Assert.Equal(["posta.test"], generated.DnsNames);
        Assert.True(generated.Leaf.GetECDsaPublicKey() is not null);
        Assert.InRange(generated.Leaf.NotAfter, DateTime.Now.AddDays(360), DateTime.Now.AddDays(366));
        Assert.Contains(_logs.Entries, e => e.EventName == "SelfSignedGenerated" && e.Level == LogLevel.Warning);

        var restarted = new CertificateStore(options, TimeProvider.System, _loggers);
        restarted.EnsureLoaded();

        Assert.Equal(generated.Thumbprint, restarted.Current.Default.Thumbprint);
        Assert.Contains(_logs.Entries, e => e.EventName == "SelfSignedReused");
    }

    [Fact]
    public void A_self_signed_certificate_for_another_host_name_is_replaced()
    {
        var options = Options();
        options.Tls.SelfSignedDirectory = _temp.Combine("tls");
        var store = new CertificateStore(options, TimeProvider.System, _loggers);
        store.EnsureLoaded();

        options.Hostname = "renamed.test";
        var restarted = new CertificateStore(options, TimeProvider.System, _loggers);
        restarted.EnsureLoaded();

        Assert.NotEqual(store.Current.Default.Thumbprint, restarted.Current.Default.Thumbprint);
        Assert.Equal(["renamed.test"], restarted.Current.Default.DnsNames);
    }

    private CertificateStore Store(params CertificateFiles[] files)
    {
        var options = Options();
        foreach (var file in files)
        {
            options.Tls.Certificates.Add(file);
        }

        return new CertificateStore(options, TimeProvider.System, _loggers);
    }

    private static HostingOptions Options() => new() { Hostname = "posta.test" };

    private static X509Certificate2 IssueIntermediate(X509Certificate2 root)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Test Intermediate", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(root, now.AddDays(-1), now.AddMonths(6), RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }

    internal static X509Certificate2 Intermediate(X509Certificate2 root) => IssueIntermediate(root);
}
