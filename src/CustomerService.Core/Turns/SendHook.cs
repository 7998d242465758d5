using CustomerService.Core.Activities;

namespace CustomerService.Core.Turns;

/// <summary>An outbound hook: sees (and may replace) each activity before it is staged.</summary>
internal delegate ValueTask<Activity> SendHook(TurnContext context, Activity activity, CancellationToken cancellationToken);
