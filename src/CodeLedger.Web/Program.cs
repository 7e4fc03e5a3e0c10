using CodeLedger.Web;
using CodeLedger.Web.Accounts;
using CodeLedger.Web.Queries;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCodeLedger(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddCodeLedgerAccounts(builder.Configuration);

// Razor Pages: server-rendered forms with anti-forgery built in, no client framework and no
// script at all, so a CSP without inline scripts holds (docs/ACCOUNTS.md).
builder.Services.AddRazorPages();

var app = builder.Build();
app.UseCodedProblems();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealth();
app.MapQueries();
app.MapRazorPages();
app.Run();

/// <summary>The host's entry point, public so that tests run the real host (WebApplicationFactory).</summary>
public partial class Program;
