using System.Text.Json;

namespace CustomerService.Nlu.Tests.Support;

/// <summary>Reads the parity files written by the training recipe (schema: Fixtures/parity/README.md).</summary>
internal sealed class ParityFixture
{
    private ParityFixture(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public double Tolerance => Root.GetProperty("atol").GetDouble();

    public static ParityFixture Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestModels.ParityPath(name)));
        return new ParityFixture(document.RootElement.Clone());
    }

    public JsonElement Case(string name) =>
        Root.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static int[][] IntRows(JsonElement element) =>
        [.. element.EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetInt32()).ToArray())];

    public static float[][] FloatRows(JsonElement element) =>
        [.. element.EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetSingle()).ToArray())];

    /// <summary>The real (mask 1) ids of a padded row.</summary>
    public static int[] Unpadded(int[] ids, int[] mask) => [.. ids.Where((_, i) => mask[i] == 1)];

    /// <summary>Asserts a logits row against a responder fixture record (top ids/values and fixed ids).</summary>
    public void AssertLogits(ReadOnlySpan<float> logits, JsonElement record)
    {
        var tolerance = Tolerance;
        var topIds = record.GetProperty("top_ids").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var topValues = record.GetProperty("top_values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (var i = 0; i < topIds.Length; i++)
        {
            Assert.True(Math.Abs(logits[topIds[i]] - topValues[i]) <= tolerance, $"logit of {topIds[i]}: {logits[topIds[i]]} vs {topValues[i]}");
        }

        var fixedIds = Root.GetProperty("fixed_ids").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var fixedValues = record.GetProperty("fixed_values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (var i = 0; i < fixedIds.Length; i++)
        {
            Assert.True(Math.Abs(logits[fixedIds[i]] - fixedValues[i]) <= tolerance, $"logit of {fixedIds[i]}: {logits[fixedIds[i]]} vs {fixedValues[i]}");
        }
    }
}
