using CustomerService.Core.Dialogs;
using CustomerService.Core.Dialogs.Steps;

namespace CustomerService.Core.Handoff;

/// <summary>The customer-facing handoff texts from <c>dialogs/handoff.json</c> (steps initiated, claimed, resolved).</summary>
internal sealed class HandoffTexts(DialogCatalog catalog)
{
    private const string DefaultText = "A member of our team will take it from here.";

    public string Render(string stepId, TemplateValues values, string conversationId, long turn)
    {
        var dialog = catalog.Get(DialogIds.Handoff);
        var index = dialog.IndexOf(stepId);
        if (index >= 0 && dialog.Steps[index] is SayStep say
            && TemplateRenderer.Render(say.Text, values, conversationId, turn, $"{DialogIds.Handoff}/{stepId}") is { } text)
        {
            return text;
        }

        return DefaultText;
    }
}
