namespace CustomerService.Core.Dialogs;

/// <summary>The dialog files are invalid; start-up stops with this message (each line names the file and the problem).</summary>
public sealed class DialogValidationException : Exception
{
    public DialogValidationException()
        : this([])
    {
    }

    public DialogValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public DialogValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public DialogValidationException(IReadOnlyList<DialogValidationError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<DialogValidationError> Errors { get; }

    private static string Describe(IReadOnlyList<DialogValidationError> errors) =>
        errors.Count == 0
            ? "Dialog files are invalid."
            : $"Dialog files are invalid ({errors.Count} problem{(errors.Count == 1 ? string.Empty : "s")}):{Environment.NewLine}"
              + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
