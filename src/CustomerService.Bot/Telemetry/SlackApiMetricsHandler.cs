using System.Globalization;
using CustomerService.Core.Telemetry;

namespace CustomerService.Bot.Telemetry;

/// <summary>
/// Inside the Slack client's retry pipeline: counts every failed attempt against the Slack Web API (HTTP status, or
/// "network" when no answer came), so a Slack outage or rate limiting shows as it happens, not only when retries give up.
/// </summary>
internal sealed class SlackApiMetricsHandler(CustomerServiceMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException)
        {
            metrics.RecordChannelError("slack", "outbound", "network");
            throw;
        }

        if (!response.IsSuccessStatusCode)
        {
            metrics.RecordChannelError("slack", "outbound", ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }
}
