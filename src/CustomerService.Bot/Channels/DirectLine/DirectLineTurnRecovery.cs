using CustomerService.Core.Ports;
using CustomerService.Core.Turns;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>
/// At start, answers the Web Chat customer messages the previous run acknowledged but never answered (it stopped
/// between storing a message and committing its turn), if they are within <see cref="TurnOptions.RecoveryWindow"/>.
/// Only messages stored before this process started are considered, so none of its own turns runs twice.
/// </summary>
internal sealed class DirectLineTurnRecovery : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly DirectLineIngress _ingress;
    private readonly TurnOptions _options;
    private readonly ILogger<DirectLineTurnRecovery> _logger;

    // Hosted services are constructed before Kestrel listens: anything stored later is this process's own.
    private readonly DateTimeOffset _startedAt;

    public DirectLineTurnRecovery(
        IServiceScopeFactory scopes, DirectLineIngress ingress, IOptions<TurnOptions> options, TimeProvider time, ILogger<DirectLineTurnRecovery> logger)
    {
        _scopes = scopes;
        _ingress = ingress;
        _options = options.Value;
        _logger = logger;
        _startedAt = time.GetUtcNow();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.RecoveryWindow <= TimeSpan.Zero)
        {
            return;
        }

        var since = _startedAt - _options.RecoveryWindow;
        await foreach (var page in UnansweredMessagePages.ReadAsync(_scopes, DirectLineChannel.ChannelId, since, _startedAt, stoppingToken))
        {
            Log.ResumingUnanswered(_logger, page.Count);
            foreach (var message in page)
            {
                if (!await _ingress.ResumeAsync(message))
                {
                    Log.ResumeRefused(_logger, message.Inbound.Activity.Id ?? string.Empty, message.ConversationId);
                }
            }
        }
    }
}
