using CodeLedger.Cli;

return CodeLedgerCommand.Run(args, Console.Out, Console.Error);
