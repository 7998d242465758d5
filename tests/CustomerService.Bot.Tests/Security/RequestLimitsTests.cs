using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CustomerService.Bot.Tests.Channels.DirectLine;

namespace CustomerService.Bot.Tests.Security;

public sealed class RequestLimitsTests : IDisposable
{
    private readonly BotApplication _app = new(new Dictionary<string, string?> { ["Security:MaxRequestBodyBytes"] = "65536" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Post_DeclaredBodyOverTheLimit_Returns413ProblemDetailsBeforeReading()
    {
        using var content = new ByteArrayContent(new byte[70_000]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await _app.CreateClient().PostAsync(new Uri("/api/webchat/session", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task DirectLinePost_OverTheLimit_Returns413WithDirectLineErrorBody()
    {
        var client = new DirectLineTestClient(_app);
        var conversation = await client.StartAsync();

        using var response = await client.PostRawAsync(
            $"/v3/directline/conversations/{conversation.ConversationId}/activities",
            conversation.Token,
            "{\"type\":\"message\",\"text\":\"" + new string('a', 70_000) + "\"}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MessageSizeTooBig", DirectLineTestClient.ReadError(await DirectLineTestClient.ReadJsonAsync(response)).Code);
    }

    [Fact]
    public async Task Session_DeeplyNestedJson_Returns400Not500()
    {
        var nested = "{\"conversationId\":" + string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200)) + "}";
        using var content = new StringContent(nested, Encoding.UTF8, "application/json");

        using var response = await _app.CreateClient().PostAsync(new Uri("/api/webchat/session", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
