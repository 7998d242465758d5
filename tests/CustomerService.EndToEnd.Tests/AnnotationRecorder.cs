using System.Collections.Concurrent;
using CustomerService.Core.Conversations;

namespace CustomerService.EndToEnd.Tests;

/// <summary>What the bot understood of each customer message (intent, confidence, dialog), by activity id.</summary>
public sealed class AnnotationRecorder
{
    private readonly ConcurrentDictionary<string, TurnAnnotation> _annotations = new(StringComparer.Ordinal);

    public void Record(string activityId, TurnAnnotation annotation) => _annotations[activityId] = annotation;

    public IReadOnlyDictionary<string, TurnAnnotation> Snapshot() => new Dictionary<string, TurnAnnotation>(_annotations);
}
