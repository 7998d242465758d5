using System.Text;

namespace CustomerService.Nlu.Generation;

/// <summary>
/// Watches generated text for stop strings. Text that could still turn into a stop string is held
/// back, so no part of a stop string is ever streamed to the caller.
/// </summary>
internal sealed class StopStringMatcher(IReadOnlyList<string> stopStrings)
{
    private readonly StringBuilder _text = new();
    private int _emitted;

    public bool Stopped { get; private set; }

    /// <summary>Adds text; returns what can be released now (the text before a stop string, if one appeared).</summary>
    public string Append(string piece)
    {
        if (Stopped || piece.Length == 0)
        {
            return string.Empty;
        }

        _text.Append(piece);
        var text = _text.ToString();
        var stopAt = -1;
        foreach (var stop in stopStrings)
        {
            if (stop.Length == 0)
            {
                continue;
            }

            var index = text.IndexOf(stop, _emitted, StringComparison.Ordinal);
            if (index >= 0 && (stopAt < 0 || index < stopAt))
            {
                stopAt = index;
            }
        }

        if (stopAt >= 0)
        {
            Stopped = true;
            return Release(text, stopAt);
        }

        return Release(text, text.Length - HeldBack(text));
    }

    /// <summary>Releases whatever was held back (generation ended for another reason).</summary>
    public string Flush() => Stopped ? string.Empty : Release(_text.ToString(), _text.Length);

    // Longest suffix of the unreleased text that is a proper prefix of some stop string.
    private int HeldBack(string text)
    {
        var longest = 0;
        foreach (var stop in stopStrings)
        {
            for (var length = Math.Min(stop.Length - 1, text.Length - _emitted); length > longest; length--)
            {
                if (string.CompareOrdinal(text, text.Length - length, stop, 0, length) == 0)
                {
                    longest = length;
                    break;
                }
            }
        }

        return longest;
    }

    private string Release(string text, int end)
    {
        // Never cut between the two halves of a surrogate pair.
        if (end > _emitted && end < text.Length && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        if (end <= _emitted)
        {
            return string.Empty;
        }

        var released = text[_emitted..end];
        _emitted = end;
        return released;
    }
}
