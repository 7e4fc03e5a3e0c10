using CodeLedger.Web;

CodeLedgerWebApp.Create(args).Run();

/// <summary>The host's entry point, public so that tests run the real host (WebApplicationFactory).</summary>
public partial class Program;
