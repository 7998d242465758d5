using CustomerService.Bot.Channels.Slack.Events;
using CustomerService.Core.Ports;
using CustomerService.Core.Turns;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.Slack.Work;

/// <summary>
/// At start, answers the Slack customer messages the previous run acknowledged but never answered. A message is stored
/// before Slack gets its 200, so Slack never redelivers it; a stop between that and the turn's commit would otherwise
/// leave the customer unanswered. Same rules as Web Chat's recovery: only conversations the bot still owns, only
/// messages stored before this process started and within <see cref="TurnOptions.RecoveryWindow"/>. The reply goes
/// into the message's thread, rebuilt from the <see cref="SlackChannelData"/> stored with it.
/// </summary>
internal sealed class SlackTurnRecovery : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly SlackWorkQueue _queue;
    private readonly SlackOptions _slack;
    private readonly TurnOptions _turns;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackTurnRecovery> _logger;

    // Hosted services are constructed before the host takes requests: anything stored later is this process's own.
    private readonly DateTimeOffset _startedAt;

    public SlackTurnRecovery(
        IServiceScopeFactory scopes,
        SlackWorkQueue queue,
        IOptions<SlackOptions> slack,
        IOptions<TurnOptions> turns,
        TimeProvider time,
        ILogger<SlackTurnRecovery> logger)
    {
        _scopes = scopes;
        _queue = queue;
        _slack = slack.Value;
        _turns = turns.Value;
        _time = time;
        _logger = logger;
        _startedAt = time.GetUtcNow();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_slack.Enabled || _turns.RecoveryWindow <= TimeSpan.Zero)
        {
            return;
        }

        var since = _startedAt - _turns.RecoveryWindow;
        await foreach (var page in UnansweredMessagePages.ReadAsync(_scopes, SlackActivityMapper.ChannelId, since, _startedAt, stoppingToken))
        {
            Log.SlackResumingUnanswered(_logger, page.Count);
            foreach (var message in page)
            {
                var inbound = SlackActivityMapper.FromStoredCustomerMessage(message.Inbound.Activity, message.ConversationId);
                if (inbound is null)
                {
                    Log.SlackResumeSkipped(_logger, message.Inbound.Activity.Id ?? string.Empty, message.ConversationId);
                    continue;
                }

                if (!await _queue.TryEnqueueAsync(new SlackCustomerTurnWork(inbound, message.Inbound), TimeSpan.FromSeconds(5), _time, stoppingToken))
                {
                    Log.SlackResumeSkipped(_logger, message.Inbound.Activity.Id ?? string.Empty, message.ConversationId);
                }
            }
        }
    }
}
