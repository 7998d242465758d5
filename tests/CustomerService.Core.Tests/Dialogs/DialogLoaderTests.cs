using CustomerService.Core.Dialogs;
using CustomerService.Core.Dialogs.Actions;
using CustomerService.Core.Routing;

namespace CustomerService.Core.Tests.Dialogs;

public sealed class DialogLoaderTests : IDisposable
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "dialogs");
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "cs-dialogs-" + Guid.NewGuid().ToString("N"));

    internal static IReadOnlyList<DialogActionRegistration> Actions { get; } =
    [
        new(LookupOrderAction.ActionName, typeof(LookupOrderAction), [], [ActionOutcomes.Found, ActionOutcomes.NotFound, ActionOutcomes.Missing]),
        new(ListOrdersAction.ActionName, typeof(ListOrdersAction), [], [ActionOutcomes.Found, ActionOutcomes.None]),
        new(CancelOrderAction.ActionName, typeof(CancelOrderAction), [],
            [ActionOutcomes.Requested, ActionOutcomes.AlreadyCancelled, ActionOutcomes.NotCancellable, ActionOutcomes.NotFound, ActionOutcomes.Missing]),
        new(RecordPreferenceAction.ActionName, typeof(RecordPreferenceAction), ["fact", "value"], [ActionOutcomes.Recorded, ActionOutcomes.Missing]),
    ];

    [Fact]
    public void Load_ShippedDialogs_AllValidAndEveryIntentCovered()
    {
        var catalog = DialogLoader.Load(Shipped, 256 * 1024, Actions);

        Assert.All(IntentIds.All, intent => Assert.NotNull(catalog.FindByIntent(intent)));
        Assert.All(DialogIds.System, id => Assert.NotNull(catalog.Find(id)));
        Assert.All(catalog.Dialogs.Where(d => d.Intents.Count > 0), d => Assert.False(string.IsNullOrWhiteSpace(d.Example)));
        Assert.True(catalog.FindByIntent(IntentIds.Complaint)!.EscalateAlways);
        Assert.True(catalog.FindByIntent(IntentIds.ContactHumanAgent)!.EscalateAlways);
    }

    [Theory]
    [InlineData("unknown_step_kind", "track_order.json", "unknown step kind 'respond'")]
    [InlineData("missing_text", "thanks.json", "'text' is missing or empty")]
    [InlineData("bad_regex", "review.json", "'pattern' is not a valid regular expression")]
    [InlineData("unknown_action", "check_invoice.json", "unknown action 'list_all_orders'")]
    [InlineData("duplicate_intent", "thanks.json", "intent 'greeting' is already handled by greeting.json")]
    [InlineData("unknown_intent", "goodbye.json", "unknown intent 'farewell'")]
    [InlineData("missing_step", "get_invoice.json", "refers to a missing step 'nowhere'")]
    [InlineData("invalid_json", "review.json", "not valid JSON at line")]
    [InlineData("unknown_property", "thanks.json", "unknown property 'txt'")]
    [InlineData("id_mismatch", "goodbye.json", "does not match the file name")]
    [InlineData("unknown_validator", "review.json", "unknown validator 'postcode'")]
    [InlineData("missing_fallback", "delivery_options.json", "needs 'fallback' texts")]
    [InlineData("malformed_placeholder", "thanks.json", "malformed placeholder")]
    [InlineData("unknown_outcome", "track_order.json", "has no outcome 'notfound'")]
    [InlineData("condition_on_default", "delivery_period.json", "'when' names 'order_status', which always has a default text")]
    public void Load_BadFile_ThrowsNamingFileAndProblem(string fixture, string file, string problem)
    {
        CopyShippedWith(fixture);

        var error = Assert.Throws<DialogValidationException>(() => DialogLoader.Load(_temp, 256 * 1024, Actions));

        Assert.Contains(error.Errors, e => e.File == file && e.Problem.Contains(problem, StringComparison.Ordinal));
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IntentWithoutDialog_ThrowsNamingIntent()
    {
        CopyShippedWith(null);
        File.Delete(Path.Combine(_temp, "track_refund.json"));

        var error = Assert.Throws<DialogValidationException>(() => DialogLoader.Load(_temp, 256 * 1024, Actions));

        Assert.Contains("no dialog handles intent 'track_refund'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OversizedFile_ThrowsWithLimit()
    {
        CopyShippedWith(null);

        var error = Assert.Throws<DialogValidationException>(() => DialogLoader.Load(_temp, 1024, Actions));

        Assert.Contains("the limit is 1024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsNamingSetting()
    {
        var error = Assert.Throws<DialogValidationException>(() => DialogLoader.Load(_temp, 1024, Actions));

        Assert.Contains("Dialogs:Path", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    private void CopyShippedWith(string? fixture)
    {
        Directory.CreateDirectory(_temp);
        foreach (var file in Directory.EnumerateFiles(Shipped, "*.json"))
        {
            File.Copy(file, Path.Combine(_temp, Path.GetFileName(file)));
        }

        if (fixture is not null)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Dialogs", fixture)))
            {
                File.Copy(file, Path.Combine(_temp, Path.GetFileName(file)), overwrite: true);
            }
        }
    }
}
