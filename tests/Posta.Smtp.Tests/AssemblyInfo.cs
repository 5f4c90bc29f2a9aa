// The spool and the store use Unix file modes.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
