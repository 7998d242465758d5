using System.Globalization;
using CustomerService.Bot.Channels.DirectLine;
using CustomerService.Core.Telemetry;

namespace CustomerService.Bot.Telemetry;

/// <summary>
/// Counts failed Direct Line and Slack requests (status 400 and up, or a thrown exception) by status code, so a
/// dashboard shows a channel going wrong before customers say so. Only the status is recorded, never the body.
/// </summary>
internal sealed class ChannelErrorMiddleware(RequestDelegate next, CustomerServiceMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var channel = ChannelOf(context.Request.Path);
        if (channel is null)
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            metrics.RecordChannelError(channel, "inbound", "exception");
            throw;
        }

        if (context.Response.StatusCode >= StatusCodes.Status400BadRequest)
        {
            metrics.RecordChannelError(channel, "inbound", context.Response.StatusCode.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static string? ChannelOf(PathString path) =>
        path.StartsWithSegments(DirectLineChannel.RoutePrefix, StringComparison.OrdinalIgnoreCase) ? "directline"
        : path.StartsWithSegments("/api/slack", StringComparison.OrdinalIgnoreCase) ? "slack"
        : null;
}
