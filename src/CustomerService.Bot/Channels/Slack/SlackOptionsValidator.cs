using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.Slack;

/// <summary>Fails start when Slack is enabled without the secret its mode needs, naming the variable to set.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Slack is enabled but has no bot token: set the environment variable Slack__BotToken (xoxb-…).");
        }

        if (options.SocketMode && string.IsNullOrWhiteSpace(options.AppToken))
        {
            failures.Add("Slack:SocketMode is on but there is no app token: set the environment variable Slack__AppToken (xapp-…).");
        }

        if (!options.SocketMode && string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            failures.Add("Slack is enabled but has no signing secret: set the environment variable Slack__SigningSecret.");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || !options.ApiBaseUrl.AbsoluteUri.EndsWith('/'))
        {
            failures.Add("Slack:ApiBaseUrl must be an absolute URL ending with '/'.");
        }

        if (options.AgentPageBaseUrl is { } page && (!page.IsAbsoluteUri || page.Scheme is not ("https" or "http") || !page.AbsoluteUri.EndsWith('/')))
        {
            failures.Add("Slack:AgentPageBaseUrl must be an absolute http(s) URL ending with '/', e.g. https://support.example.com/.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
