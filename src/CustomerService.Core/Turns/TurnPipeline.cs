using CustomerService.Core.Middleware;
using CustomerService.Core.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Core.Turns;

/// <summary>Runs the turn middleware as an onion, in the one fixed order of ARCHITECTURE.md.</summary>
internal sealed class TurnPipeline
{
    private readonly ITurnMiddleware[] _middleware;

    public TurnPipeline(IReadOnlyList<ITurnMiddleware> middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware = [.. middleware];
    }

    /// <summary>The only place the order is written down.</summary>
    public static TurnPipeline Create(IServiceProvider services) => new(
    [
        services.GetRequiredService<ErrorBoundaryMiddleware>(),
        services.GetRequiredService<TranscriptMiddleware>(),
        services.GetRequiredService<ConversationStateMiddleware>(),
        services.GetRequiredService<HandoffGateMiddleware>(),
        services.GetRequiredService<TypingMiddleware>(),
        services.GetRequiredService<RouterMiddleware>(),
    ]);

    public IReadOnlyList<Type> Order => [.. _middleware.Select(m => m.GetType())];

    public Task RunAsync(TurnContext context, CancellationToken cancellationToken) => InvokeAsync(0, context, cancellationToken);

    private Task InvokeAsync(int index, TurnContext context, CancellationToken cancellationToken) =>
        index == _middleware.Length
            ? Task.CompletedTask
            : _middleware[index].InvokeAsync(context, (c, ct) => InvokeAsync(index + 1, c, ct), cancellationToken);
}
