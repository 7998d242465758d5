using CustomerService.Core.Activities;

namespace CustomerService.Data.Stores;

/// <summary>Outbound activities a turn staged, in order; they get sequences only when the turn commits.</summary>
internal sealed class TurnStaging
{
    private readonly List<StagedActivity> _activities = [];

    public IReadOnlyList<StagedActivity> Activities => _activities;

    public void Add(string conversationId, Activity activity) => _activities.Add(new StagedActivity(conversationId, activity));

    public void Clear() => _activities.Clear();

    internal sealed record StagedActivity(string ConversationId, Activity Activity);
}
