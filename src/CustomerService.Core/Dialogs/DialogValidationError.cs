namespace CustomerService.Core.Dialogs;

/// <summary>One problem in one dialog file.</summary>
/// <param name="File">File name (e.g. <c>track_order.json</c>), or the folder when the problem is not one file's.</param>
/// <param name="Problem">What is wrong, in words an editor of the file understands.</param>
public sealed record DialogValidationError(string File, string Problem)
{
    public override string ToString() => $"{File}: {Problem}";
}
