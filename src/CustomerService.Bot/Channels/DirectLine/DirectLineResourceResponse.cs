namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>The answer to a posted activity: its id, the same id the echo carries (gotcha G5).</summary>
internal sealed record DirectLineResourceResponse(string Id);
