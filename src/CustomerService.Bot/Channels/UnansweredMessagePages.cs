using System.Runtime.CompilerServices;
using CustomerService.Core.Ports;

namespace CustomerService.Bot.Channels;

/// <summary>
/// Every customer message of a channel that the previous run acknowledged but never answered, within the window,
/// oldest first and a page at a time: a page fits the turn queue, and the next is read once the caller has handed
/// the last one over. Each page is read in its own scope, so no database context outlives the read.
/// </summary>
internal static class UnansweredMessagePages
{
    private const int PageSize = 100;

    public static async IAsyncEnumerable<IReadOnlyList<UnansweredMessage>> ReadAsync(
        IServiceScopeFactory scopes,
        string channelId,
        DateTimeOffset since,
        DateTimeOffset before,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        UnansweredMessage? last = null;
        while (true)
        {
            IReadOnlyList<UnansweredMessage> page;
            await using (var scope = scopes.CreateAsyncScope())
            {
                page = await scope.ServiceProvider.GetRequiredService<IUnansweredMessages>()
                    .FindAsync(channelId, since, before, last, PageSize, cancellationToken);
            }

            if (page.Count == 0)
            {
                yield break;
            }

            yield return page;
            last = page[^1];
        }
    }
}
