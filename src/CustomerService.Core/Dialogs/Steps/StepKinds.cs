namespace CustomerService.Core.Dialogs.Steps;

/// <summary>The <c>kind</c> values of dialog steps.</summary>
internal static class StepKinds
{
    public const string Say = "say";
    public const string Ask = "ask";
    public const string Action = "action";
    public const string Generate = "generate";
    public const string Escalate = "escalate";

    /// <summary>The <c>next</c> value that ends the dialog.</summary>
    public const string End = "end";

    public static IReadOnlyList<string> All { get; } = [Say, Ask, Action, Generate, Escalate];
}
