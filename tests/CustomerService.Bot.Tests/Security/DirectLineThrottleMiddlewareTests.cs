using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Bot.Channels.DirectLine;
using CustomerService.Bot.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Bot.Tests.Security;

/// <summary>The throttle on a stepped clock: it holds polls (slows clients down) and refuses only posts, never with 429.</summary>
public sealed class DirectLineThrottleMiddlewareTests
{
    private const string ConversationId = "conv-throttle-1";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    private readonly DirectLineTokenService _tokens;
    private int _served;

    public DirectLineThrottleMiddlewareTests()
    {
        _tokens = new DirectLineTokenService(
            Options.Create(new DirectLineOptions { Secret = BotApplication.Secret, TokenSigningKey = BotApplication.SigningKey }),
            _clock,
            NullLogger<DirectLineTokenService>.Instance);
    }

    [Fact]
    public async Task Post_WithinBurst_IsServedAtOnce()
    {
        var middleware = Create(new SecurityOptions { ConversationMessagesPerMinute = 6, ConversationBurst = 2 });

        var first = middleware.InvokeAsync(Post(Token()));
        var second = middleware.InvokeAsync(Post(Token()));

        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(second.IsCompletedSuccessfully);
        await Task.WhenAll(first, second);
        Assert.Equal(2, _served);
    }

    [Fact]
    public async Task Post_OverBurst_IsRefusedAtOnceAndAcceptedAgainAfterRefill()
    {
        var middleware = Create(new SecurityOptions { ConversationMessagesPerMinute = 6, ConversationBurst = 1, MaxThrottleDelay = TimeSpan.FromSeconds(10) });
        await middleware.InvokeAsync(Post(Token()));

        var refused = Post(Token());
        var refusal = middleware.InvokeAsync(refused);
        var refusedAtOnce = refusal.IsCompleted;
        await refusal;
        _clock.Advance(TimeSpan.FromSeconds(10));
        var later = Post(Token());
        await middleware.InvokeAsync(later);

        Assert.True(refusedAtOnce);
        Assert.Equal(StatusCodes.Status400BadRequest, refused.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, later.Response.StatusCode);
        Assert.Equal(2, _served);
    }

    [Fact]
    public async Task Post_OverConversationLimit_Answers400ThrottledNever429()
    {
        var middleware = Create(new SecurityOptions { ConversationMessagesPerMinute = 6, ConversationBurst = 1, MaxThrottleDelay = TimeSpan.FromSeconds(3) });
        await middleware.InvokeAsync(Post(Token()));
        var refused = Post(Token());

        await middleware.InvokeAsync(refused);

        Assert.Equal(StatusCodes.Status400BadRequest, refused.Response.StatusCode);
        var body = JsonNode.Parse(((MemoryStream)refused.Response.Body).ToArray())!;
        Assert.Equal(DirectLineThrottleMiddleware.ThrottledCode, body["error"]!["code"]!.GetValue<string>());
        Assert.Contains("send it again", body["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, _served);
    }

    [Fact]
    public async Task Poll_FarOverAddressLimit_IsHeldAtMostMaxDelayThenServed()
    {
        var middleware = Create(new SecurityOptions { AddressRequestsPerMinute = 1, AddressBurst = 1, MaxThrottleDelay = TimeSpan.FromSeconds(2) });
        await middleware.InvokeAsync(Poll(Token()));
        var polls = Enumerable.Range(0, 5).Select(_ => Poll(Token())).ToList();

        var running = polls.Select(middleware.InvokeAsync).ToList();
        var heldBeforeDelay = running.All(t => !t.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await Task.WhenAll(running);

        Assert.True(heldBeforeDelay);
        Assert.Equal(6, _served);
        Assert.All(polls, p => Assert.Equal(StatusCodes.Status200OK, p.Response.StatusCode));
    }

    [Fact]
    public async Task Poll_WithoutRemoteAddress_IsNeverHeld()
    {
        var middleware = Create(new SecurityOptions { AddressRequestsPerMinute = 1, AddressBurst = 1, MaxThrottleDelay = TimeSpan.FromSeconds(5) });
        var polls = Enumerable.Range(0, 5).Select(_ => Poll(Token())).ToList();
        polls.ForEach(p => p.Connection.RemoteIpAddress = null);

        var running = polls.Select(middleware.InvokeAsync).ToList();

        Assert.All(running, t => Assert.True(t.IsCompletedSuccessfully));
        await Task.WhenAll(running);
        Assert.Equal(5, _served);
    }

    [Fact]
    public async Task Post_WithSecret_IsNeverThrottled()
    {
        var middleware = Create(new SecurityOptions { ConversationMessagesPerMinute = 1, ConversationBurst = 1, AddressRequestsPerMinute = 1, AddressBurst = 1, MaxThrottleDelay = TimeSpan.Zero });

        for (var i = 0; i < 20; i++)
        {
            await middleware.InvokeAsync(Post(BotApplication.Secret));
        }

        Assert.Equal(20, _served);
    }

    [Fact]
    public async Task Post_WithInvalidToken_IsLeftToTheRouteAnd403()
    {
        var middleware = Create(new SecurityOptions { ConversationMessagesPerMinute = 1, ConversationBurst = 1 });

        var context = Post("not-a-token");
        await middleware.InvokeAsync(context);

        Assert.Equal(1, _served);
        Assert.NotEqual((int)HttpStatusCode.TooManyRequests, context.Response.StatusCode);
    }

    private DirectLineThrottleMiddleware Create(SecurityOptions options) =>
        new(
            _ =>
            {
                Interlocked.Increment(ref _served);
                return Task.CompletedTask;
            },
            new RequestThrottle(_clock, Options.Create(options)),
            _tokens,
            Options.Create(options),
            _clock,
            NullLogger<DirectLineThrottleMiddleware>.Instance);

    private string Token() => _tokens.IssueConversationToken(ConversationId, "dl_user", null);

    private static DefaultHttpContext Post(string credential) => Request(HttpMethods.Post, credential);

    private static DefaultHttpContext Poll(string credential) => Request(HttpMethods.Get, credential);

    private static DefaultHttpContext Request(string method, string credential)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
        };
        context.Request.Method = method;
        context.Request.Path = $"/v3/directline/conversations/{ConversationId}/activities";
        context.Request.Headers.Authorization = "Bearer " + credential;
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Response.Body = new MemoryStream();
        return context;
    }
}
