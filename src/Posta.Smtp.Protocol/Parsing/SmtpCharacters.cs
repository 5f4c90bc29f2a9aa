namespace Posta.Smtp.Protocol.Parsing;

/// <summary>Character classes of RFC 5321 §4.1.2, RFC 5322 §3.2.3 and RFC 3461 §4, on octets.</summary>
internal static class SmtpCharacters
{
    public static bool IsAlpha(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    /// <summary><c>Let-dig = ALPHA / DIGIT</c>.</summary>
    public static bool IsLetDig(byte b) => IsAlpha(b) || IsDigit(b);

    /// <summary>RFC 5322 §3.2.3 <c>atext</c>, ASCII part.</summary>
    public static bool IsAtext(byte b) => IsLetDig(b) || b is (byte)'!' or (byte)'#' or (byte)'$' or (byte)'%' or (byte)'&'
        or (byte)'\'' or (byte)'*' or (byte)'+' or (byte)'-' or (byte)'/' or (byte)'=' or (byte)'?' or (byte)'^' or (byte)'_'
        or (byte)'`' or (byte)'{' or (byte)'|' or (byte)'}' or (byte)'~';

    /// <summary><c>qtextSMTP = %d32-33 / %d35-91 / %d93-126</c>.</summary>
    public static bool IsQtextSmtp(byte b) => b is 32 or 33 or (>= 35 and <= 91) or (>= 93 and <= 126);

    /// <summary>RFC 3461 §4 <c>xchar</c>: "!" to "~" except "+" and "=".</summary>
    public static bool IsXchar(byte b) => b is >= 33 and <= 126 and not (byte)'+' and not (byte)'=';

    /// <summary><c>esmtp-value = 1*(%d33-60 / %d62-126)</c>: printable ASCII except "=".</summary>
    public static bool IsEsmtpValueChar(byte b) => b is (>= 33 and <= 60) or (>= 62 and <= 126);

    /// <summary><c>dcontent = %d33-90 / %d94-126</c>: printable ASCII except "[", "\" and "]".</summary>
    public static bool IsDcontent(byte b) => b is (>= 33 and <= 90) or (>= 94 and <= 126);

    public static bool IsHexDigit(byte b) => IsDigit(b) || (uint)((b | 0x20) - 'a') <= 'f' - 'a';

    public static int HexValue(byte b) => IsDigit(b) ? b - '0' : (b | 0x20) - 'a' + 10;
}
