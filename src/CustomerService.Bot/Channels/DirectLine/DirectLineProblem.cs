using CustomerService.Core.Activities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Typed error results with the Direct Line body and status codes of directline.md §7.</summary>
internal static class DirectLineProblem
{
    public static JsonHttpResult<DirectLineError> Create(int statusCode, string code, string message) =>
        TypedResults.Json(DirectLineError.Of(code, message), ActivityJson.Options, statusCode: statusCode);

    public static JsonHttpResult<DirectLineError> BadArgument(string message) =>
        Create(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, message);

    public static JsonHttpResult<DirectLineError> MissingProperty(string property) =>
        Create(StatusCodes.Status400BadRequest, DirectLineErrorCodes.MissingProperty, $"The activity has no '{property}'.");

    public static JsonHttpResult<DirectLineError> NotFound(string conversationId) =>
        Create(StatusCodes.Status404NotFound, DirectLineErrorCodes.ConversationNotFound, "Conversation not found.");

    public static JsonHttpResult<DirectLineError> TooLarge(int limit) =>
        Create(
            StatusCodes.Status413PayloadTooLarge,
            DirectLineErrorCodes.MessageSizeTooBig,
            $"The activity is too large: the limit is {limit} characters of JSON. Nothing was stored; send a shorter message.");
}
