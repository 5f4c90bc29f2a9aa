using System.Globalization;
using System.Security.Cryptography;
using Posta.Storage;
using Posta.Storage.Queue;

// Usage: Posta.Storage.Crasher DATA_DIRECTORY MAILBOX_ID [WRITERS]
//          prints "ready", then "acked <uid> <sha256>" after each append returns, until killed;
//        Posta.Storage.Crasher --queue DATA_DIRECTORY [WRITERS]
//          prints "ready", then "queued <queue id> <sha256>" after each enqueue returns, until killed.
var queue = args.Length > 0 && args[0] == "--queue";
if (args.Length < 2)
{
    await Console.Error.WriteLineAsync("usage: Posta.Storage.Crasher DATA_DIRECTORY MAILBOX_ID [WRITERS] | --queue DATA_DIRECTORY [WRITERS]");
    return 2;
}

var dataDirectory = queue ? args[1] : args[0];
var mailboxId = queue ? 0 : long.Parse(args[1], CultureInfo.InvariantCulture);
var writers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4;
var output = Console.Out;
var outputLock = new Lock();

await using var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = dataDirectory });
output.WriteLine("ready");
output.Flush();

// Every fifth message repeats a shared body so deduplicated writes are killed mid-flight too.
var shared = RandomNumberGenerator.GetBytes(3000);
await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        var body = Random.Shared.Next(5) == 0 ? shared : RandomNumberGenerator.GetBytes(Random.Shared.Next(100, 40_000));
        string line;
        if (queue)
        {
            var queueId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            var entry = new QueueEntry(queueId, "sender@example.net", [new QueueEntryRecipient("rcpt@example.com")]) { Received = DateTimeOffset.UtcNow };
            await store.Queue.EnqueueAsync(new MemoryStream(body), entry);
            line = $"queued {queueId} {Convert.ToHexStringLower(SHA256.HashData(body))}";
        }
        else
        {
            var result = await store.Mail.AppendAsync(mailboxId, new MemoryStream(body));
            line = $"acked {result.Uid} {result.BlobHash}";
        }

        lock (outputLock)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
})));
return 0;
