using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerService.Bot.Workers;
using CustomerService.Core.Privacy;
using CustomerService.Data;
using CustomerService.Data.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Admin;

/// <summary>
/// Data rights under <c>/api/admin</c> (admin API key, ProblemDetails): find a customer by channel identity, export
/// everything stored about them as JSON, erase them everywhere (Slack cards become tombstones through the outbox),
/// and run the retention job now.
/// </summary>
internal static partial class AdminEndpoints
{
    /// <summary>Customer ids are short opaque strings (the store's column holds 64 characters).</summary>
    private const int MaxCustomerIdLength = 64;

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup(AdminAuthenticationDefaults.ApiPrefix)
            .RequireAuthorization(AdminAuthenticationDefaults.Policy)
            .WithTags("Admin");
        api.MapGet("/customers", FindAsync);
        api.MapGet("/customers/{customerId}/export", ExportAsync);
        api.MapDelete("/customers/{customerId}", EraseAsync);
        api.MapPost("/retention", RunRetentionAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<AdminCustomerReference>, ProblemHttpResult>> FindAsync(
        string? channelId, string? userId, IPrivacyStore store, CancellationToken cancellationToken)
    {
        if (!IsId(channelId, DataLimits.MaxChannelIdLength) || !IsId(userId, DataLimits.MaxChannelUserIdLength))
        {
            return AdminProblems.BadRequest(
                "Invalid channel identity",
                $"Give channelId (at most {DataLimits.MaxChannelIdLength} characters, e.g. webchat or slack) and userId (at most {DataLimits.MaxChannelUserIdLength}), without control characters.");
        }

        var customerId = await store.FindCustomerIdAsync(channelId!, userId!, cancellationToken);
        return customerId is null ? AdminProblems.IdentityNotFound() : TypedResults.Ok(new AdminCustomerReference(customerId));
    }

    private static async Task<Results<JsonHttpResult<CustomerExport>, ProblemHttpResult>> ExportAsync(
        string customerId, HttpContext context, IPrivacyStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!IsId(customerId, MaxCustomerIdLength))
        {
            return InvalidCustomerId();
        }

        var export = await store.ExportAsync(customerId, cancellationToken);
        if (export is null)
        {
            return AdminProblems.CustomerNotFound();
        }

        Log.Exported(Logger(loggers), Holder(context.User), customerId, export.Conversations.Count);
        context.Response.Headers.ContentDisposition = string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"customer-{Uri.EscapeDataString(customerId)}.json\"");
        return TypedResults.Json(export, ExportJson);
    }

    private static async Task<Results<Ok<CustomerErasure>, ProblemHttpResult>> EraseAsync(
        string customerId, HttpContext context, IPrivacyStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!IsId(customerId, MaxCustomerIdLength))
        {
            return InvalidCustomerId();
        }

        var erased = await store.EraseAsync(customerId, cancellationToken);
        if (erased is null)
        {
            return AdminProblems.CustomerNotFound();
        }

        // The tombstone rows for the customer's Slack cards are committed; deliver them now rather than at the next poll.
        context.RequestServices.GetService<EscalationOutboxSignal>()?.Wake();
        Log.Erased(Logger(loggers), Holder(context.User), customerId, erased.Conversations, erased.Activities, erased.SlackCardsToTombstone);
        return TypedResults.Ok(erased);
    }

    private static async Task<Results<Ok<RetentionResult>, ProblemHttpResult>> RunRetentionAsync(
        int? olderThanDays,
        HttpContext context,
        IPrivacyStore store,
        IOptionsMonitor<PrivacyOptions> privacy,
        TimeProvider timeProvider,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var days = olderThanDays ?? privacy.CurrentValue.RetentionDays;
        if (days is < 1 or > 36_500)
        {
            return AdminProblems.BadRequest(
                "No retention period",
                "Privacy:RetentionDays is 0 (keep forever); pass olderThanDays between 1 and 36500 to delete older conversations now.");
        }

        var result = await store.DeleteInactiveConversationsAsync(timeProvider.GetUtcNow().AddDays(-days), cancellationToken);
        Log.RetentionRun(Logger(loggers), Holder(context.User), days, result.Conversations);
        return TypedResults.Ok(result);
    }

    private static ProblemHttpResult InvalidCustomerId() =>
        AdminProblems.BadRequest("Invalid customer id", $"A customer id has 1 to {MaxCustomerIdLength} characters and no control characters.");

    private static bool IsId(string? value, int maxLength) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength && !value.Any(char.IsControl);

    private static string Holder(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(AdminEndpoints).FullName!);

    private static partial class Log
    {
        [LoggerMessage(4721, LogLevel.Information, "Admin {Holder} exported customer {CustomerId} ({Conversations} conversations)")]
        public static partial void Exported(ILogger logger, string holder, string customerId, int conversations);

        [LoggerMessage(4722, LogLevel.Information, "Admin {Holder} erased customer {CustomerId}: {Conversations} conversations, {Activities} activities, {Cards} Slack cards to tombstone")]
        public static partial void Erased(ILogger logger, string holder, string customerId, int conversations, int activities, int cards);

        [LoggerMessage(4723, LogLevel.Information, "Admin {Holder} ran retention for conversations older than {Days} days: {Conversations} deleted")]
        public static partial void RetentionRun(ILogger logger, string holder, int days, int conversations);
    }
}
