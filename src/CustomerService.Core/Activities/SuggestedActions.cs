namespace CustomerService.Core.Activities;

/// <summary>Quick replies shown under the last bot message; <c>To</c> limits them to some recipients.</summary>
public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions, IReadOnlyList<string>? To = null);
