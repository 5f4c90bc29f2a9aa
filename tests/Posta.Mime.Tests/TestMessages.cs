using System.Text;

namespace Posta.Mime.Tests;

/// <summary>Small helpers to build messages in tests.</summary>
internal static class TestMessages
{
    /// <summary>The text with LF line endings turned into CRLF, as bytes.</summary>
    public static byte[] Crlf(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));

    public static byte[] Lf(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"));

    public static byte[] File(string relative) => System.IO.File.ReadAllBytes(Path.Combine(TestPaths.TestData, relative));

    public static string Text(string relative) => System.IO.File.ReadAllText(Path.Combine(TestPaths.TestData, relative));
}
