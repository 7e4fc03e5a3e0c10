using System.CommandLine;
using CodeLedger.Load;

var root = new RootCommand("codeledger-load: concurrent API clients against a CodeLedger web host (docs/PERFORMANCE.md, \"Web host under load\").");
root.Subcommands.Add(LoadCommands.Prepare());
root.Subcommands.Add(LoadCommands.Run());
return await root.Parse(args).InvokeAsync();
