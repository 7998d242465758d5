using CustomerService.Bot.Admin;
using CustomerService.Bot.Agents;
using CustomerService.Bot.Channels.DirectLine;
using CustomerService.Bot.Channels.Slack;
using CustomerService.Bot.Health;
using CustomerService.Bot.Security;
using CustomerService.Bot.Telemetry;
using CustomerService.Bot.Terminal;
using CustomerService.Bot.WebChat;
using CustomerService.Core;
using CustomerService.Data;
using CustomerService.Nlu;

// Offline commands (hash-password, hash-api-key) print and exit without starting the host.
if (AgentCredentialsCommand.TryRun(args) is { } exitCode)
{
    return exitCode;
}

// Content root = working directory = repo root (appsettings.json, models/, dialogs/); wwwroot is built next to the binaries.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") });
builder.Host.UseDefaultServiceProvider(provider => (provider.ValidateScopes, provider.ValidateOnBuild) = (true, true));

builder.Services.AddCustomerServiceCore(builder.Configuration);
builder.Services.AddNlu(builder.Configuration);
builder.Services.AddData(builder.Configuration);
builder.Services.AddDirectLine(builder.Configuration);
builder.Services.AddWebChatPage(builder.Configuration);
builder.Services.AddSlack();
builder.Services.AddAgentConsole();
builder.Services.AddAdmin();
builder.Services.AddSecurity();
builder.Services.AddTelemetry();
builder.Services.AddReadinessChecks();
builder.Services.AddConsoleChat(args);

var app = builder.Build();

app.MapHealthEndpoints();
app.MapDirectLine();
app.MapWebChatPage();
app.MapSlack();
app.MapAgentConsole();
app.MapAdmin();
app.MapTelemetry();

app.Run();
return 0;
