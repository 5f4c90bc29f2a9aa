using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Posta.Hosting.Tests;

public class LoggingTests
{
    [Theory]
    [InlineData(ConsoleLogFormat.Simple, "simple")]
    [InlineData(ConsoleLogFormat.Json, "json")]
    public void Every_level_goes_to_stderr_in_the_chosen_format(ConsoleLogFormat format, string formatter)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddPostaConsole(format));
        using var provider = services.BuildServiceProvider();

        var console = provider.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value;
        var simple = provider.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;

        Assert.Equal(LogLevel.Trace, console.LogToStandardErrorThreshold);
        Assert.Equal(formatter, console.FormatterName);
        Assert.True(simple.SingleLine);
        Assert.True(simple.UseUtcTimestamp);
        Assert.True(provider.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.UseUtcTimestamp);
        Assert.Single(provider.GetServices<ILoggerProvider>());
    }
}
