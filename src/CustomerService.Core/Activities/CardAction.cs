namespace CustomerService.Core.Activities;

/// <summary>A button: <c>imBack</c> posts <see cref="Value"/> as the customer's message.</summary>
public sealed record CardAction(string Type, string? Title = null, string? Value = null, string? Text = null, string? DisplayText = null)
{
    public static CardAction ImBack(string title, string value) => new(CardActionTypes.ImBack, title, value);
}
