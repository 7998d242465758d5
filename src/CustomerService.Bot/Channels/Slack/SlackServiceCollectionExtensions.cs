using CustomerService.Bot.Agents;
using CustomerService.Bot.Channels.Slack.Escalations;
using CustomerService.Bot.Channels.Slack.Events;
using CustomerService.Bot.Channels.Slack.Interactivity;
using CustomerService.Bot.Channels.Slack.Signing;
using CustomerService.Bot.Channels.Slack.SocketMode;
using CustomerService.Bot.Channels.Slack.WebApi;
using CustomerService.Bot.Channels.Slack.Work;
using CustomerService.Bot.Workers;
using CustomerService.Core.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CustomerService.Bot.Channels.Slack;

/// <summary>Registers the Slack channel (receiver, client, cards, Socket Mode) and the escalation outbox worker.</summary>
internal static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Call it whether or not Slack is enabled: the escalation outbox worker it registers also feeds the agent page.
    /// Reads section <c>Slack</c>; secrets come from <c>Slack__SigningSecret</c>, <c>Slack__BotToken</c>, <c>Slack__AppToken</c>.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(SlackApiClient.HttpClientName, (provider, client) =>
            {
                client.BaseAddress = provider.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;

                // The resilience pipeline owns the time budget (total and per attempt).
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler("slack-web-api", ConfigureResilience);
        services.TryAddSingleton<ISlackApiClient, SlackApiClient>();

        services.TryAddSingleton<SlackIdentityAccessor>();
        services.TryAddSingleton<SlackSignatureVerifier>();
        services.TryAddSingleton<SlackSignatureFilter>();
        services.TryAddSingleton<SlackEventFilter>();
        services.TryAddSingleton<SlackWorkQueue>();
        services.TryAddSingleton<ISlackEventLedger, ProcessedEventLedger>();
        services.TryAddScoped<SlackEventReceiver>();
        services.TryAddScoped<SlackInteractionReceiver>();
        services.TryAddScoped<SlackWorkHandler>();
        services.TryAddSingleton<AgentHandoffActions>();
        services.TryAddSingleton<SlackReplySink>(provider => ActivatorUtilities.CreateInstance<SlackReplySink>(provider));
        services.AddKeyedSingleton<IReplySink>(SlackActivityMapper.ChannelId, (provider, _) => provider.GetRequiredService<SlackReplySink>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAgentRelay, SlackAgentRelay>());

        services.TryAddSingleton<EscalationCardBuilder>();
        services.TryAddSingleton<EscalationCardPublisher>();
        services.TryAddSingleton<EscalationOutboxSignal>();

        services.TryAddSingleton<ISlackSocketConnector, ClientWebSocketConnector>();
        services.AddHostedService<SlackTurnWorker>();
        services.AddHostedService<SlackTurnRecovery>();
        services.AddHostedService<SlackSocketModeWorker>();
        services.AddHostedService<EscalationOutboxWorker>();
        return services;
    }

    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;

        // Outer budget for all attempts, including Retry-After waits; the outbox retries later past it.
        builder.AddTimeout(options.AttemptTimeout * (options.MaxRetryAttempts + 1) + TimeSpan.FromMinutes(1));

        // 429 waits Retry-After SECONDS (slack.md §3); 5xx, 408 and network errors back off exponentially with jitter.
        if (options.MaxRetryAttempts == 0)
        {
            builder.AddTimeout(options.AttemptTimeout);
            return;
        }

        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = TimeSpan.FromMinutes(1),
            ShouldRetryAfterHeader = true,
        });
        builder.AddTimeout(options.AttemptTimeout);
    }
}
