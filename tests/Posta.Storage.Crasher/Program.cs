using System.Globalization;
using System.Security.Cryptography;
using Posta.Storage;

// Usage: Posta.Storage.Crasher DATA_DIRECTORY MAILBOX_ID [WRITERS]
// Prints "ready", then "acked <uid> <sha256>" after each append returns, until killed.
if (args.Length < 2)
{
    await Console.Error.WriteLineAsync("usage: Posta.Storage.Crasher DATA_DIRECTORY MAILBOX_ID [WRITERS]");
    return 2;
}

var mailboxId = long.Parse(args[1], CultureInfo.InvariantCulture);
var writers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4;
var output = Console.Out;
var outputLock = new Lock();

await using var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = args[0] });
output.WriteLine("ready");
output.Flush();

// Every fifth message repeats a shared body so deduplicated appends are killed mid-flight too.
var shared = RandomNumberGenerator.GetBytes(3000);
await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        var body = Random.Shared.Next(5) == 0 ? shared : RandomNumberGenerator.GetBytes(Random.Shared.Next(100, 40_000));
        var result = await store.Mail.AppendAsync(mailboxId, new MemoryStream(body));
        lock (outputLock)
        {
            output.WriteLine($"acked {result.Uid} {result.BlobHash}");
            output.Flush();
        }
    }
})));
return 0;
