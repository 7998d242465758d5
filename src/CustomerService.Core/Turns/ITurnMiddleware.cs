namespace CustomerService.Core.Turns;

/// <summary>One layer of the turn onion: work before <c>next</c>, after it, or instead of it.</summary>
internal interface ITurnMiddleware
{
    Task InvokeAsync(TurnContext context, TurnDelegate next, CancellationToken cancellationToken);
}
