using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Posta.Hosting;

/// <summary>Posta's logging setup.</summary>
public static class PostaLoggingExtensions
{
    /// <summary>
    /// Replaces the logging providers with one console logger that writes every level to stderr
    /// (stdout stays free for command output), in <paramref name="format"/>, with UTC timestamps
    /// and scopes (listener and client of the connection being served).
    /// </summary>
    public static ILoggingBuilder AddPostaConsole(this ILoggingBuilder logging, ConsoleLogFormat format = ConsoleLogFormat.Simple)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.AddConsole(console =>
        {
            console.LogToStandardErrorThreshold = LogLevel.Trace;
            console.FormatterName = format == ConsoleLogFormat.Json ? ConsoleFormatterNames.Json : ConsoleFormatterNames.Simple;
        });
        // Formatter options directly: AddSimpleConsole/AddJsonConsole would each also claim the
        // formatter name.
        logging.Services.Configure<SimpleConsoleFormatterOptions>(simple =>
        {
            simple.SingleLine = true;
            simple.IncludeScopes = true;
            simple.UseUtcTimestamp = true;
            simple.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            simple.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        logging.Services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            json.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
        });
        return logging;
    }
}
