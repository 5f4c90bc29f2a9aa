using Posta.Cli;

return await PostaCli.RunAsync(args, CliIo.FromConsole());
