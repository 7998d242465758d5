using CustomerService.Core.Ports;

namespace CustomerService.Bot.Terminal;

/// <summary>Remembers the last classification of the console turn, so the terminal can show intent and confidence.</summary>
internal sealed class ConsoleTurnObserver
{
    private volatile IntentPrediction? _last;

    public IntentPrediction? Last => _last;

    public void Record(IntentPrediction prediction) => _last = prediction;

    public void Reset() => _last = null;
}
