using CustomerService.Core.Ports;
using CustomerService.Nlu.Onnx;
using CustomerService.Nlu.Prompting;
using CustomerService.Nlu.Tokenization;

namespace CustomerService.Nlu.Generation;

/// <summary>
/// Encodes a responder prompt so that prompt plus new tokens fit the model's positions (a position
/// past n_positions crashes inside the graph). What gives way, in order: new tokens beyond what a
/// bare prompt leaves room for, then the customer context (oldest information), then the start of
/// the customer's message; its latest words are kept.
/// </summary>
internal static class PromptWindow
{
    public static (int[] Ids, int MaxNewTokens) Fit(Gpt2Tokenizer tokenizer, GenerationRequest request, int maxNewTokens, int maxPositions, string modelName)
    {
        var bare = Encode(tokenizer, string.Empty, request.Intent, CustomerContext.Anonymous);
        var newTokens = Math.Min(maxNewTokens, maxPositions - bare.Length);
        if (newTokens < 1)
        {
            throw new NluException(modelName, NluStage.Prefill, $"n_positions {maxPositions} leaves no room to generate after a {bare.Length}-token prompt");
        }

        var budget = maxPositions - newTokens;
        var full = Encode(tokenizer, request.CustomerText, request.Intent, request.Customer);
        if (full.Length <= budget)
        {
            return (full, newTokens);
        }

        var withoutContext = Encode(tokenizer, request.CustomerText, request.Intent, CustomerContext.Anonymous);
        if (withoutContext.Length <= budget)
        {
            return (withoutContext, newTokens);
        }

        // Drop the start of the message: find the smallest cut that fits (token count falls as the cut grows).
        var text = ResponderPromptBuilder.Neutralize(request.CustomerText);
        int low = 0, high = text.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Encode(tokenizer, Tail(text, middle), request.Intent, CustomerContext.Anonymous).Length <= budget)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        for (var cut = low; cut <= text.Length; cut++)
        {
            var ids = Encode(tokenizer, Tail(text, cut), request.Intent, CustomerContext.Anonymous);
            if (ids.Length <= budget)
            {
                return (ids, newTokens);
            }
        }

        return (bare, newTokens);
    }

    public static int[] Encode(Gpt2Tokenizer tokenizer, string customerText, string intent, CustomerContext customer)
    {
        var body = tokenizer.Encode(ResponderPromptBuilder.BuildBody(customerText, intent, customer));
        var ids = new int[body.Count + 1];
        ids[0] = Gpt2Tokenizer.EndOfTextId;
        body.CopyTo(ids, 1);
        return ids;
    }

    private static string Tail(string text, int cut)
    {
        if (cut > 0 && cut < text.Length && char.IsLowSurrogate(text[cut]))
        {
            cut++;
        }

        return text[Math.Min(cut, text.Length)..];
    }
}
