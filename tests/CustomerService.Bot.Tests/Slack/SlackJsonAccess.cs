using System.Text.Json;
using CustomerService.Bot.Channels.Slack;

namespace CustomerService.Bot.Tests.Slack;

/// <summary>The production Slack JSON settings, so tests serialise blocks exactly as the client sends them.</summary>
internal static class SlackJsonAccess
{
    public static JsonSerializerOptions Options => SlackJson.Options;
}
