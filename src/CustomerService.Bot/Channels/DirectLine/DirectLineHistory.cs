using CustomerService.Core.Ports;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>
/// Reads the conversation log (the transcript store is the Direct Line log) in its own DI scope per call,
/// so long-lived sockets never hold a DbContext open.
/// </summary>
internal sealed class DirectLineHistory(IServiceScopeFactory scopeFactory)
{
    private const int ScanPageSize = 500;

    public async Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ITranscriptStore>();
        return await store.ReadAsync(conversationId, afterSequence, limit, cancellationToken);
    }

    /// <summary>A conversation exists once something was stored in it (its start stores a conversationUpdate).</summary>
    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        (await ReadAsync(conversationId, 0, 1, cancellationToken)).Count > 0;

    /// <summary>The highest stored sequence (0 when empty): the watermark that means "nothing old".</summary>
    public async Task<long> LastSequenceAsync(string conversationId, CancellationToken cancellationToken)
    {
        long last = 0;
        while (true)
        {
            var page = await ReadAsync(conversationId, last, ScanPageSize, cancellationToken);
            if (page.Count == 0)
            {
                return last;
            }

            last = page[^1].Sequence;
            if (page.Count < ScanPageSize)
            {
                return last;
            }
        }
    }
}
