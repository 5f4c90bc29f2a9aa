using System.Text;

namespace Posta.Mime.Headers;

/// <summary>Field names as strings, sharing one instance for the common ones instead of allocating per field.</summary>
internal static class HeaderNames
{
    private static readonly string[] Common =
    [
        "Received", "From", "To", "Cc", "Bcc", "Subject", "Date", "Message-ID", "Message-Id", "Reply-To", "Sender",
        "In-Reply-To", "References", "Return-Path", "MIME-Version", "Mime-Version", "Content-Type",
        "Content-Transfer-Encoding", "Content-Disposition", "Content-ID", "Content-Id", "Content-Description",
        "Content-Language", "Content-Location", "Content-MD5", "DKIM-Signature", "Authentication-Results",
        "ARC-Seal", "ARC-Message-Signature", "ARC-Authentication-Results", "Received-SPF", "X-Mailer",
        "List-Id", "List-Unsubscribe", "Delivered-To", "User-Agent", "Precedence", "Auto-Submitted",
        "Thread-Index", "Thread-Topic", "X-Spam-Status", "X-Spam-Flag", "Importance", "X-Priority",
    ];

    public static string Get(ReadOnlySpan<byte> name)
    {
        foreach (var candidate in Common)
        {
            if (candidate.Length == name.Length && Ascii.Equals(name, candidate))
                return candidate;
        }

        return Encoding.Latin1.GetString(name);
    }
}
