namespace CustomerService.Bot.Channels.Slack.SocketMode;

/// <summary>The acknowledgement Slack expects within 3 s of an envelope: <c>{"envelope_id":"…"}</c>.</summary>
internal sealed record SocketModeAck(string EnvelopeId);
