using System.Runtime.CompilerServices;
using CustomerService.Core.Ports;

namespace CustomerService.Testing;

/// <summary>A response generator that streams scripted pieces per intent, fails, or hangs until cancelled.</summary>
public sealed class ScriptedResponseGenerator : IResponseGenerator
{
    private readonly Dictionary<string, Func<GenerationRequest, IReadOnlyList<string>>> _answers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failing = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hanging = new(StringComparer.Ordinal);
    private readonly List<GenerationRequest> _requests = [];
    private readonly TaskCompletionSource _hangStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<GenerationRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Completes when a hanging generation has started, so a test can then advance its fake clock.</summary>
    public Task HangStarted => _hangStarted.Task;

    /// <summary>Streams <paramref name="pieces"/> for requests with this intent.</summary>
    public ScriptedResponseGenerator Respond(string intent, params string[] pieces)
    {
        _answers[intent] = _ => pieces;
        return this;
    }

    /// <summary>Throws <see cref="GenerationFailedException"/> for this intent (also the default for unscripted intents).</summary>
    public ScriptedResponseGenerator Fail(string intent)
    {
        _failing.Add(intent);
        return this;
    }

    /// <summary>Never answers for this intent; only cancellation ends the stream.</summary>
    public ScriptedResponseGenerator Hang(string intent)
    {
        _hanging.Add(intent);
        return this;
    }

    public async IAsyncEnumerable<string> GenerateAsync(GenerationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_requests)
        {
            _requests.Add(request);
        }

        if (_hanging.Contains(request.Intent))
        {
            _hangStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (_failing.Contains(request.Intent) || !_answers.TryGetValue(request.Intent, out var answer))
        {
            throw new GenerationFailedException($"No scripted answer for intent '{request.Intent}'.");
        }

        foreach (var piece in answer(request))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return piece;
        }
    }
}
