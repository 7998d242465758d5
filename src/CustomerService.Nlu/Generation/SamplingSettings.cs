namespace CustomerService.Nlu.Generation;

/// <summary>How the next token is chosen from the logits of one sequence.</summary>
/// <param name="Temperature">0 (or less) is greedy.</param>
/// <param name="TopK">Keep the k most likely tokens; 0 keeps all.</param>
/// <param name="TopP">Nucleus threshold 0–1; the crossing token is kept; 1 keeps all.</param>
/// <param name="RepetitionPenalty">Hugging Face style over prompt and output; 1 disables.</param>
/// <param name="NoRepeatNgramSize">Ban tokens that would repeat an n-gram of this size; 0 disables.</param>
internal readonly record struct SamplingSettings(
    float Temperature,
    int TopK,
    float TopP,
    float RepetitionPenalty,
    int NoRepeatNgramSize)
{
    public static SamplingSettings Greedy { get; } = new(0f, 0, 1f, 1f, 0);
}
