using System.Security.Cryptography;
using Posta.Smtp.Delivery;
using Posta.Testing;

namespace Posta.Smtp.Tests;

/// <summary>Small messages stay in memory; large ones go to an owner-only file that disappears with the spool.</summary>
public sealed class SpooledMessageTests
{
    [Theory]
    [InlineData(10 * 1024, false)]
    [InlineData(SpooledMessage.MemoryLimit, false)]
    [InlineData(SpooledMessage.MemoryLimit + 1, true)]
    [InlineData(3 * SpooledMessage.MemoryLimit, true)]
    public async Task Content_reads_back_whole_from_memory_or_from_the_file(int size, bool onDisk)
    {
        using var dir = new TempDirectory("posta-spool");
        var spoolDirectory = dir.Combine("spool");
        var content = RandomNumberGenerator.GetBytes(size);
        var spool = SpooledMessage.Create(spoolDirectory);
        await using (spool)
        {
            // Written in uneven pieces, as DATA arrives.
            for (var offset = 0; offset < size; offset += 7919)
            {
                await spool.WriteAsync(content.AsMemory(offset, Math.Min(7919, size - offset)));
            }

            Assert.Equal(size, spool.Length);
            Assert.Equal(onDisk, spool.IsOnDisk);
            Assert.Equal(onDisk, System.IO.Directory.Exists(spoolDirectory) && System.IO.Directory.EnumerateFiles(spoolDirectory).Any());
            if (onDisk && !OperatingSystem.IsWindows())
            {
                var file = System.IO.Directory.EnumerateFiles(spoolDirectory).Single();
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            for (var pass = 0; pass < 2; pass++)
            {
                using var copy = new MemoryStream();
                await (await spool.OpenForReadingAsync()).CopyToAsync(copy);
                Assert.Equal(content, copy.ToArray());
            }
        }

        Assert.False(System.IO.Directory.Exists(spoolDirectory) && System.IO.Directory.EnumerateFiles(spoolDirectory).Any());
    }
}
