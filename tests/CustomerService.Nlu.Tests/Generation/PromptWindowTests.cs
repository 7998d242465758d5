using CustomerService.Core.Ports;
using CustomerService.Nlu.Generation;
using CustomerService.Nlu.Tests.Support;

namespace CustomerService.Nlu.Tests.Generation;

public sealed class PromptWindowTests
{
    private static readonly CustomerContext Ada = new("Ada Lovelace", "A1234", "shipped", "track_order", []);

    [Fact]
    public void Fit_ShortPrompt_KeepsContextAndNewTokens()
    {
        var tokenizer = TestModels.Tiny.Tokenizer;
        var request = new GenerationRequest("where is it?", "track_order", Ada);

        var (ids, maxNew) = PromptWindow.Fit(tokenizer, request, 20, 96, "responder");

        Assert.Equal(PromptWindow.Encode(tokenizer, "where is it?", "track_order", Ada), ids);
        Assert.Equal(20, maxNew);
    }

    [Fact]
    public void Fit_OverLongMessage_DropsContextThenOldestWordsKeepsLatest()
    {
        var tokenizer = TestModels.Tiny.Tokenizer;
        var message = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}")) + " LATESTWORD";
        var request = new GenerationRequest(message, "track_order", Ada);

        var (ids, maxNew) = PromptWindow.Fit(tokenizer, request, 20, 96, "responder");

        var text = tokenizer.Decode(ids.Skip(1));
        Assert.True(ids.Length + maxNew <= 96, $"{ids.Length} + {maxNew}");
        Assert.Equal(20, maxNew);
        Assert.Contains("name=-; order=-; last_issue=-", text, StringComparison.Ordinal);
        Assert.Contains("LATESTWORD\n[response] ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("word0 ", text, StringComparison.Ordinal);
        Assert.EndsWith("\n[response] ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ContextAloneTooLong_DropsContextKeepsWholeMessage()
    {
        var tokenizer = TestModels.Tiny.Tokenizer;
        var longName = new CustomerContext(string.Join(' ', Enumerable.Repeat("Name", 60)), "A1", "shipped", "track_order", []);
        var request = new GenerationRequest("where is my order?", "track_order", longName);

        var (ids, maxNew) = PromptWindow.Fit(tokenizer, request, 20, 96, "responder");

        Assert.Equal(PromptWindow.Encode(tokenizer, "where is my order?", "track_order", CustomerContext.Anonymous), ids);
        Assert.Equal(20, maxNew);
    }

    [Fact]
    public void Fit_MaxNewTokensBeyondWindow_CappedToFit()
    {
        var tokenizer = TestModels.Tiny.Tokenizer;
        var request = new GenerationRequest("hi", "track_order", CustomerContext.Anonymous);

        var (ids, maxNew) = PromptWindow.Fit(tokenizer, request, 500, 96, "responder");

        Assert.Equal(96, ids.Length + maxNew);
    }
}
