namespace CustomerService.Core.Activities;

/// <summary>The conversation an activity belongs to: <c>{id}</c>.</summary>
public sealed record ConversationAccount(string Id);
