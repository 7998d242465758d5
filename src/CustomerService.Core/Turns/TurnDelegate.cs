namespace CustomerService.Core.Turns;

/// <summary>The rest of the pipeline after a middleware.</summary>
internal delegate Task TurnDelegate(TurnContext context, CancellationToken cancellationToken);
