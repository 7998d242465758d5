using System.Text.Json;
using CustomerService.Core.Activities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Reads the optional <c>{user:{id,name}, locale}</c> body of token and start requests.</summary>
internal static class DirectLineStartBody
{
    private const int MaxNameLength = 80;

    public static async Task<(DirectLineStartParameters? Parameters, JsonHttpResult<DirectLineError>? Problem)> ReadAsync(
        HttpRequest request, int maxCharacters, CancellationToken cancellationToken)
    {
        var (status, document, message) = await DirectLineBodyReader.ReadAsync(request, maxCharacters, cancellationToken);
        using (document)
        {
            switch (status)
            {
                case DirectLineBodyStatus.Empty:
                    return (null, null);
                case DirectLineBodyStatus.TooLarge:
                    return (null, DirectLineProblem.TooLarge(maxCharacters));
                case DirectLineBodyStatus.Malformed:
                    return (null, DirectLineProblem.BadArgument(message!));
            }

            if (document!.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, DirectLineProblem.BadArgument("The body must be a JSON object such as {\"user\":{\"id\":\"...\"}}."));
            }

            DirectLineStartParameters? parameters;
            try
            {
                parameters = document.RootElement.Deserialize<DirectLineStartParameters>(ActivityJson.Options);
            }
            catch (JsonException ex)
            {
                return (null, DirectLineProblem.BadArgument($"The body is not valid: '{ex.Path ?? "$"}' has the wrong type or shape."));
            }

            var user = parameters?.User;
            if (user?.Id is { Length: > 0 } id && !DirectLineIds.IsValidUserId(id))
            {
                return (null, DirectLineProblem.BadArgument("user.id may use letters, digits and _ - . : @ (1 to 64 characters)."));
            }

            if (user?.Name is { Length: > MaxNameLength })
            {
                return (null, DirectLineProblem.BadArgument($"user.name is limited to {MaxNameLength} characters."));
            }

            // An empty id (Web Chat sends {} when it has none) means "no user given".
            var cleanUser = user is null ? null : new DirectLineUser(string.IsNullOrEmpty(user.Id) ? null : user.Id, DirectLineIds.CleanUserName(user.Name));
            return (parameters! with { User = cleanUser }, null);
        }
    }
}
