using BenchmarkDotNet.Attributes;
using CustomerService.Core.Ports;
using CustomerService.Nlu.Generation;
using CustomerService.Nlu.Tokenization;

namespace CustomerService.Benchmarks;

/// <summary>Encoding a customer message and a whole prompt, and streaming decode of a reply.</summary>
public class TokenizerBenchmarks
{
    private const string Message = "Hi, I ordered a lamp last week (order #A1234) and it still hasn't arrived, can you tell me where it is? 😀";
    private Gpt2Tokenizer _tokenizer = null!;
    private List<int> _reply = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tokenizer = new Gpt2Tokenizer();
        _reply = _tokenizer.Encode("Your order {{Order Number}} shipped on Monday and should arrive within 3 business days. Anything else? 👍 ");
    }

    [Benchmark]
    public int EncodeMessage() => _tokenizer.Encode(Message).Count;

    [Benchmark]
    public int EncodePrompt() => PromptWindow.Encode(_tokenizer, Message, "track_order", new CustomerContext("Ada", "A1234", "shipped", "track_order", [])).Length;

    [Benchmark]
    public int StreamDecodeReply()
    {
        var decoder = new Utf8StreamDecoder(_tokenizer);
        var chars = 0;
        foreach (var id in _reply)
        {
            chars += decoder.Push(id).Length;
        }

        return chars;
    }
}
