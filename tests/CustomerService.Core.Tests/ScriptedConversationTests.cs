using System.Globalization;
using System.Text.Json;
using CustomerService.Core.Conversations;
using CustomerService.Core.Escalation;
using CustomerService.Core.Ports;

namespace CustomerService.Core.Tests;

/// <summary>
/// Runs every conversation story in Scripts/*.json (the Rasa test-stories idea): a customer, scripted NLU,
/// and a list of steps, each an object with one key (send, reply, intent, suggestions, escalation, event, ...).
/// </summary>
public sealed class ScriptedConversationTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Scripts"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_Played_BehavesAsWritten(string scriptFile)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Scripts", scriptFile)));
        var root = document.RootElement;
        var settings = root.TryGetProperty("settings", out var s)
            ? s.EnumerateObject().ToDictionary(p => p.Name, p => (string?)p.Value.GetString())
            : null;
        await using var host = new CoreTestHost(settings);
        Arrange(host, root);
        var script = new ConversationScript(host, "conv-" + Path.GetFileNameWithoutExtension(scriptFile));
        foreach (var step in root.GetProperty("steps").EnumerateArray())
        {
            AddStep(script, step.EnumerateObject().Single());
        }

        await script.RunAsync();
    }

    private static void Arrange(CoreTestHost host, JsonElement root)
    {
        if (root.TryGetProperty("customer", out var customer))
        {
            const string CustomerId = "customer-script";
            host.Store.AddCustomer(CustomerId, CoreTestHost.ChannelId, "user-1", customer.TryGetProperty("name", out var name) ? name.GetString() : null);
            if (customer.TryGetProperty("lastIssue", out var lastIssue))
            {
                host.Store.SetLastIssue(CustomerId, lastIssue.GetString()!);
            }

            foreach (var fact in customer.TryGetProperty("facts", out var facts) ? facts.EnumerateObject() : default)
            {
                host.Store.SetFact(CustomerId, fact.Name, fact.Value.GetString()!);
            }

            foreach (var order in customer.TryGetProperty("orders", out var orders) ? orders.EnumerateArray() : default)
            {
                host.Store.AddOrder(CustomerId, new OrderSummary(
                    order.GetProperty("number").GetString()!,
                    order.GetProperty("status").GetString()!,
                    order.GetProperty("total").GetDecimal(),
                    order.GetProperty("currency").GetString()!,
                    DateTimeOffset.Parse(order.GetProperty("placedAt").GetString()!, CultureInfo.InvariantCulture),
                    order.TryGetProperty("expectedDelivery", out var delivery) ? DateOnly.Parse(delivery.GetString()!, CultureInfo.InvariantCulture) : null,
                    [.. order.GetProperty("items").EnumerateArray().Select(i => i.GetString()!)]));
            }
        }

        foreach (var entry in root.TryGetProperty("nlu", out var nlu) ? nlu.EnumerateArray() : default)
        {
            var alternatives = entry.TryGetProperty("alternatives", out var alts)
                ? alts.EnumerateArray().Select(a => new IntentScore(a[0].GetString()!, a[1].GetSingle())).ToArray()
                : [];
            host.Classifier.When(entry.GetProperty("text").GetString()!, entry.GetProperty("intent").GetString()!, entry.GetProperty("confidence").GetSingle(), alternatives);
        }

        foreach (var answer in root.TryGetProperty("generator", out var generator) ? generator.EnumerateObject() : default)
        {
            host.Generator.Respond(answer.Name, [.. answer.Value.EnumerateArray().Select(p => p.GetString()!)]);
        }
    }

    private static void AddStep(ConversationScript script, JsonProperty step)
    {
        var value = step.Value;
        _ = step.Name switch
        {
            "join" => script.Join(),
            "send" => script.Send(value.GetString()!),
            "reply" => script.ExpectReply(value.GetString()!),
            "anyReply" => script.ExpectAnyReply(),
            "intent" => script.ExpectIntent(value.GetString()!),
            "suggestions" => script.ExpectSuggestedActions([.. value.EnumerateArray().Select(t => t.GetString()!)]),
            "event" => script.ExpectEvent(value.GetString()!),
            "escalation" => script.ExpectEscalation(Enum.Parse<EscalationReason>(value.GetString()!, ignoreCase: true)),
            "escalations" => script.ExpectEscalationCount(value.GetInt32()),
            "handoff" => script.ExpectHandoff(Enum.Parse<HandoffState>(value.GetString()!, ignoreCase: true)),
            "relayed" => script.ExpectRelayed(value.GetInt32()),
            "noMoreReplies" => script.ExpectNoMoreReplies(),
            "agentClaims" => script.AgentClaims(value.GetString()!, "Ann"),
            "agentReplies" => script.AgentReplies(value[0].GetString()!, value[1].GetString()!),
            "agentResolves" => script.AgentResolves(value.GetString()!),
            _ => throw new InvalidOperationException($"Unknown script step '{step.Name}'."),
        };
    }
}
