// Posta runs on Linux; the tests use its file modes and signals.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
