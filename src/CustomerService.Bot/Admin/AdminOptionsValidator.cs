using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Admin;

/// <summary>Validates each configured key (data annotations do not descend into list items) and refuses duplicate hashes.</summary>
internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var key in options.ApiKeys)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(key, new ValidationContext(key), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => r.ErrorMessage ?? "Invalid Admin:ApiKeys entry."));
            }
        }

        if (options.ApiKeys.GroupBy(k => k.KeyHash, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            failures.Add("Admin:ApiKeys has the same KeyHash twice; give every holder their own key.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
