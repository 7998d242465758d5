namespace CustomerService.Data.Stores;

/// <summary>Argument checks shared by the stores, against <see cref="DataLimits"/>.</summary>
internal static class InputGuard
{
    public static void Id(string? value, int maxLength, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        if (value.Length > maxLength)
        {
            throw new ArgumentException($"At most {maxLength} characters are allowed ({value.Length} given).", paramName);
        }
    }

    public static void ConversationId(string? value, string paramName = "conversationId") =>
        Id(value, DataLimits.MaxConversationIdLength, paramName);
}
