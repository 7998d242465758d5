namespace CustomerService.Bot.Tests.Channels.DirectLine;

/// <summary>Switches for <see cref="FaultyTranscriptStore"/>.</summary>
public sealed class TranscriptFaults
{
    private volatile bool _failReads;

    public bool FailReads
    {
        get => _failReads;
        set => _failReads = value;
    }
}
