using Microsoft.Playwright;

namespace CustomerService.EndToEnd.Tests;

/// <summary>One host and one browser for the end-to-end tests (starting models and Chromium is the slow part).</summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    private Chromium? _chromium;

    public BotServer Server { get; } = new();

    public IBrowser Browser => _chromium?.Browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync() => _chromium = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
