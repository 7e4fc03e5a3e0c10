using CodeLedger.Web;
using CodeLedger.Web.Queries;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCodeLedger(builder.Configuration);
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseCodedProblems();
app.MapHealth();
app.MapQueries();
app.Run();

/// <summary>The host's entry point, public so that tests run the real host (WebApplicationFactory).</summary>
public partial class Program;
