using CustomerService.Nlu.Generation;

namespace CustomerService.Nlu.Batching;

/// <summary>A submitted generation waiting for a slot in the continuous batch.</summary>
internal sealed record GenerationJob(ActiveSequence Sequence, long EnqueuedAt);
