namespace CustomerService.Core.Turns;

/// <summary>
/// Runs one turn now, in the caller's task: scope, pipeline, commit, publish. The dispatcher uses it; the
/// console chat may call it directly because it has a single conversation and awaits each turn.
/// </summary>
public interface ITurnProcessor
{
    Task ProcessAsync(TurnRequest request, CancellationToken cancellationToken = default);
}
