using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "audit-ab")
{
    return CodeLedger.Benchmarks.Audits.AuditAb.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "remit-fixture")
{
    return await CodeLedger.Benchmarks.Remittances.RemitFixture.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
