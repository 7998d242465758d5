using System.Text;

namespace CustomerService.Core.Dialogs;

/// <summary>One spelling for value names: <c>{{Order Number}}</c>, <c>order_number</c> and <c>Order-Number</c> are all <c>order_number</c>.</summary>
internal static class PlaceholderKey
{
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        var pendingUnderscore = false;
        foreach (var c in name.Trim())
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingUnderscore && builder.Length > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingUnderscore = false;
            }
            else
            {
                pendingUnderscore = true;
            }
        }

        return builder.ToString();
    }
}
