using System.Globalization;

namespace Posta.Mime.Headers;

/// <summary>
/// Reads dates as RFC 5322 §3.3 writes them, its obsolete forms (§4.3: two- and three-digit years,
/// named zones, comments) and the common broken forms: asctime order, missing day name, seconds or
/// zone, zone names beyond the RFC list, ISO 8601. Writes RFC 5322 dates.
/// </summary>
public static class MailDate
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Parses a Date header value; false when no calendar date can be recovered.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out DateTimeOffset date)
    {
        date = default;
        if (TryParseIso(value, out date))
            return true;

        int day = -1, month = -1, year = -1, yearDigits = 0, hour = -1, minute = 0, second = 0;
        int? offsetMinutes = null;
        var pm = false;
        var am = false;
        var i = 0;
        while (i < value.Length)
        {
            var b = value[i];
            if (b == '(')
            {
                Lexer.SkipCfws(value, ref i);
                continue;
            }

            if (char.IsAsciiLetter((char)b))
            {
                var start = i;
                while (i < value.Length && char.IsAsciiLetter((char)value[i]))
                    i++;
                var word = value[start..i];
                if (month < 0 && word.Length >= 3 && MonthIndex(word) is var m and >= 0)
                    month = m + 1;
                else if (ZoneOffset(word) is { } zone)
                    offsetMinutes ??= zone;
                else if (word.Length == 2 && (word[0] | 0x20) == 'p' && (word[1] | 0x20) == 'm')
                    pm = true;
                else if (word.Length == 2 && (word[0] | 0x20) == 'a' && (word[1] | 0x20) == 'm')
                    am = true;
                continue;
            }

            if (b is (byte)'+' or (byte)'-' && i + 1 < value.Length && char.IsAsciiDigit((char)value[i + 1]) && hour >= 0)
            {
                // A signed number after the time is the zone: +hhmm, +hh:mm or +hh.
                var sign = b == '-' ? -1 : 1;
                i++;
                var digits = ReadNumber(value, ref i, out var count);
                int minutes;
                if (count <= 2 && i < value.Length && value[i] == ':')
                {
                    i++;
                    var mm = ReadNumber(value, ref i, out _);
                    minutes = (digits * 60) + mm;
                }
                else
                {
                    minutes = count <= 2 ? digits * 60 : ((digits / 100) * 60) + (digits % 100);
                }

                offsetMinutes ??= sign * minutes;
                continue;
            }

            if (char.IsAsciiDigit((char)b))
            {
                var number = ReadNumber(value, ref i, out var count);
                if (i < value.Length && value[i] == ':' && hour < 0)
                {
                    hour = number;
                    i++;
                    minute = ReadNumber(value, ref i, out _);
                    if (i < value.Length && value[i] == ':')
                    {
                        i++;
                        second = ReadNumber(value, ref i, out _);
                    }

                    continue;
                }

                if (count >= 3 && year < 0)
                {
                    year = number;
                    yearDigits = count;
                }
                else if (day < 0 && number is >= 1 and <= 31)
                {
                    day = number;
                }
                else if (year < 0)
                {
                    year = number;
                    yearDigits = count;
                }

                continue;
            }

            i++;
        }

        if (day < 0 || month < 0 || year < 0)
            return false;

        // RFC 5322 §4.3: two-digit years below 50 are 20xx, others 19xx; three-digit years add 1900.
        if (yearDigits <= 2)
            year += year < 50 ? 2000 : 1900;
        else if (yearDigits == 3)
            year += 1900;
        if (hour < 0)
            hour = 0;
        if (pm && hour < 12)
            hour += 12;
        else if (am && hour == 12)
            hour = 0;
        if (second == 60)
            second = 59;
        return Build(year, month, day, hour, minute, second, offsetMinutes ?? 0, out date);
    }

    /// <summary>Parses a Date header value.</summary>
    public static bool TryParse(string value, out DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(System.Text.Encoding.UTF8.GetBytes(value), out date);
    }

    /// <summary>Formats a date as RFC 5322 §3.3 date-time: "Tue, 2 Jan 2024 10:04:05 +0100".</summary>
    public static string Format(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{date:ddd, d MMM yyyy HH:mm:ss} {sign}{abs.Hours:00}{abs.Minutes:00}");
    }

    private static bool Build(int year, int month, int day, int hour, int minute, int second, int offsetMinutes, out DateTimeOffset date)
    {
        date = default;
        if (year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            return false;
        // An offset beyond .NET's ±14 hours (RFC 5322 allows ±99:59) keeps the instant, in UTC.
        date = Math.Abs(offsetMinutes) > 14 * 60
            ? new DateTimeOffset(new DateTime(utcTicks, DateTimeKind.Unspecified), TimeSpan.Zero)
            : new DateTimeOffset(local, offset);
        return true;
    }

    // 2024-01-02T03:04:05Z, 2024-01-02 03:04:05+01:00, 2024-01-02
    private static bool TryParseIso(ReadOnlySpan<byte> value, out DateTimeOffset date)
    {
        date = default;
        var s = value.Trim(" \t\r\n"u8);
        if (s.Length < 10 || s[4] != '-' || s[7] != '-' || !AllDigits(s[..4]) || !AllDigits(s.Slice(5, 2)) || !AllDigits(s.Slice(8, 2)))
            return false;
        var year = Number(s[..4]);
        var month = Number(s.Slice(5, 2));
        var day = Number(s.Slice(8, 2));
        if (month is < 1 or > 12 || day < 1)
            return false;
        int hour = 0, minute = 0, second = 0, offset = 0;
        var rest = s[10..];
        if (rest.Length >= 6 && rest[0] is (byte)'T' or (byte)'t' or (byte)' ' && rest[3] == ':' && AllDigits(rest.Slice(1, 2)) && AllDigits(rest.Slice(4, 2)))
        {
            hour = Number(rest.Slice(1, 2));
            minute = Number(rest.Slice(4, 2));
            rest = rest[6..];
            if (rest.Length >= 3 && rest[0] == ':' && AllDigits(rest.Slice(1, 2)))
            {
                second = Number(rest.Slice(1, 2));
                rest = rest[3..];
            }

            while (!rest.IsEmpty && (rest[0] == '.' || char.IsAsciiDigit((char)rest[0])))
                rest = rest[1..];
            rest = rest.TrimStart(" "u8);
            if (rest.Length >= 3 && rest[0] is (byte)'+' or (byte)'-' && AllDigits(rest.Slice(1, 2)))
            {
                var sign = rest[0] == '-' ? -1 : 1;
                var hh = Number(rest.Slice(1, 2));
                var tail = rest[3..];
                if (tail.Length >= 1 && tail[0] == ':')
                    tail = tail[1..];
                var mm = tail.Length >= 2 && AllDigits(tail[..2]) ? Number(tail[..2]) : 0;
                offset = sign * ((hh * 60) + mm);
            }
        }
        else if (!rest.Trim(" "u8).IsEmpty)
        {
            return false;
        }

        if (second == 60)
            second = 59;
        return Build(year, month, day, hour, minute, second, offset, out date);
    }

    private static bool AllDigits(ReadOnlySpan<byte> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange((byte)'0', (byte)'9');

    private static int Number(ReadOnlySpan<byte> s)
    {
        var n = 0;
        foreach (var b in s)
            n = (n * 10) + (b - '0');
        return n;
    }

    private static int ReadNumber(ReadOnlySpan<byte> s, ref int i, out int count)
    {
        var n = 0;
        count = 0;
        while (i < s.Length && char.IsAsciiDigit((char)s[i]))
        {
            // Saturate: nine digits are more than any date field needs.
            if (count < 9)
                n = (n * 10) + (s[i] - '0');
            count++;
            i++;
        }

        return n;
    }

    private static int MonthIndex(ReadOnlySpan<byte> word)
    {
        for (var m = 0; m < Months.Length; m++)
        {
            var name = Months[m];
            if ((word[0] | 0x20) == name[0] && (word[1] | 0x20) == name[1] && (word[2] | 0x20) == name[2])
                return m;
        }

        return -1;
    }

    private static int? ZoneOffset(ReadOnlySpan<byte> word)
    {
        Span<char> lower = stackalloc char[Math.Min(word.Length, 8)];
        if (word.Length > 5)
            return null;
        for (var k = 0; k < word.Length; k++)
            lower[k] = (char)(word[k] | 0x20);
        return lower[..word.Length] switch
        {
            // RFC 5322 §4.3 obs-zone.
            "ut" or "gmt" or "utc" or "z" => 0,
            "est" => -5 * 60,
            "edt" => -4 * 60,
            "cst" => -6 * 60,
            "cdt" => -5 * 60,
            "mst" => -7 * 60,
            "mdt" => -6 * 60,
            "pst" => -8 * 60,
            "pdt" => -7 * 60,
            // Widespread non-standard names.
            "cet" or "met" or "bst" or "wat" => 60,
            "cest" or "mest" or "eet" or "sast" => 120,
            "eest" or "msk" => 180,
            "jst" or "kst" => 9 * 60,
            "aest" => 10 * 60,
            "wet" => 0,
            // Military letters: RFC 5322 §4.3 says to treat them as -0000 (unknown).
            _ when word.Length == 1 => 0,
            _ => null,
        };
    }
}
