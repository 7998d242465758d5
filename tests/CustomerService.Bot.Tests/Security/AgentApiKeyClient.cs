using System.Net;
using CustomerService.Bot.Tests.Agents;

namespace CustomerService.Bot.Tests.Security;

/// <summary>Automation on the agent API with the configured agent key.</summary>
internal sealed class AgentApiKeyClient(BotApplication app)
{
    private readonly HttpClient _http = app.CreateClient();

    public async Task<string> GetQueueAsync(string view = "pending")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/agent/queue?view={view}");
        request.Headers.Add("X-Api-Key", AgentTestOptions.ApiKey);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
