using CodeLedger.X12.Throughput;

return X12ThroughputCommand.Run(args, Console.Out, Console.Error);
