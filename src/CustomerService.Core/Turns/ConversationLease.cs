namespace CustomerService.Core.Turns;

/// <summary>Exclusive hold on one conversation; dispose to let the next turn or agent operation in.</summary>
internal sealed class ConversationLease : IDisposable
{
    private Action? _release;

    public ConversationLease(Action release) => _release = release;

    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
