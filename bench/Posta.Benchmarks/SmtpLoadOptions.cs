using System.Globalization;

namespace Posta.Benchmarks;

/// <summary>
/// What <c>smtp-load HOST PORT SESSIONS MESSAGES SIZE FROM TO</c> sends: <see cref="Messages"/>
/// messages of <see cref="Size"/> bytes from <see cref="From"/> to <see cref="To"/>, over
/// <see cref="Sessions"/> concurrent clients.
/// </summary>
internal sealed record SmtpLoadOptions(string Host, int Port, int Sessions, int Messages, int Size, string From, string To)
{
    public const string Usage = "smtp-load HOST PORT SESSIONS MESSAGES SIZE FROM TO";

    public static SmtpLoadOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count != 7)
        {
            throw new ArgumentException("usage: " + Usage, nameof(args));
        }

        var options = new SmtpLoadOptions(args[0], Number(args[1]), Number(args[2]), Number(args[3]), Number(args[4]), args[5], args[6]);
        if (options.Port is < 1 or > 65535 || options.Sessions < 1 || options.Messages < 1 || options.Size < 1)
        {
            throw new ArgumentException("PORT must be 1-65535 and SESSIONS, MESSAGES and SIZE positive; usage: " + Usage, nameof(args));
        }

        return options;
    }

    private static int Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"not a number: {text}; usage: {Usage}", nameof(text));
}
