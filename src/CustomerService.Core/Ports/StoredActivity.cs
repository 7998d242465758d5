using CustomerService.Core.Activities;

namespace CustomerService.Core.Ports;

/// <summary>An activity as stored: its per-conversation sequence (1, 2, 3… — the Direct Line watermark) and the activity with id and timestamp.</summary>
public sealed record StoredActivity(long Sequence, Activity Activity);
