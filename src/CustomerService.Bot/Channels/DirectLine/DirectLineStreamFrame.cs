using CustomerService.Core.Activities;
using CustomerService.Core.Ports;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>One queued item for a socket: stored activities (with sequences) or one ephemeral activity.</summary>
/// <param name="Number">Position in the subscription's queue, to tell frames queued during replay from later ones.</param>
internal sealed record DirectLineStreamFrame(long Number, IReadOnlyList<StoredActivity>? Stored, Activity? Ephemeral);
