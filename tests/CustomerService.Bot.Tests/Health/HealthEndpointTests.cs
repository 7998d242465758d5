using System.Net;

namespace CustomerService.Bot.Tests.Health;

public sealed class HealthEndpointTests : IDisposable
{
    private readonly BotApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Healthz_ProcessUp_Returns200()
    {
        using var response = await _app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_ModelsNotWarmedUp_Returns503()
    {
        using var response = await _app.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
