using CodeLedger.Web;
using CodeLedger.Web.Queries;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCodeLedger(builder.Configuration);
builder.Services.AddProblemDetails();

var app = builder.Build();
app.MapHealth();
app.MapQueries();
app.Run();
