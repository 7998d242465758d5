namespace CustomerService.Core.Dialogs;

/// <summary>A named C# action a dialog's <c>action</c> step runs (scoped to the turn).</summary>
internal interface IDialogAction
{
    /// <summary>snake_case name used in dialog files.</summary>
    string Name { get; }

    Task<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken);
}
