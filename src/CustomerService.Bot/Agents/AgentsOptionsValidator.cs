using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Agents;

/// <summary>
/// Checks every configured account (data annotations do not recurse into lists), that names are unique and that
/// each password hash is a real Identity v3 hash, so a pasted plain-text password fails start instead of login.
/// </summary>
internal sealed class AgentsOptionsValidator : IValidateOptions<AgentsOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var userNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            ValidateItem(user, $"Agents:Users:{i}", failures);
            if (!userNames.Add(user.UserName))
            {
                failures.Add($"Agents:Users:{i}:UserName '{user.UserName}' is configured twice.");
            }

            if (!IsIdentityV3Hash(user.PasswordHash))
            {
                failures.Add($"Agents:Users:{i}:PasswordHash is not a password hash: set Agents__Users__{i}__PasswordHash to the output of 'dotnet run --project src/CustomerService.Bot -- hash-password'.");
            }
        }

        var keyNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            ValidateItem(key, $"Agents:ApiKeys:{i}", failures);
            if (!keyNames.Add(key.Name))
            {
                failures.Add($"Agents:ApiKeys:{i}:Name '{key.Name}' is configured twice.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateItem(object item, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(item, new ValidationContext(item), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{path}: {r.ErrorMessage}"));
        }
    }

    // Identity v3 layout: 0x01, PRF (4), iterations (4), salt length (4), salt, subkey; all big-endian.
    private static bool IsIdentityV3Hash(string hash)
    {
        Span<byte> bytes = stackalloc byte[512];
        if (!Convert.TryFromBase64String(hash, bytes, out var length) || length < 13 + 16 + 16 || bytes[0] != 0x01)
        {
            return false;
        }

        var saltLength = (bytes[9] << 24) | (bytes[10] << 16) | (bytes[11] << 8) | bytes[12];
        return saltLength >= 16 && 13 + saltLength + 16 <= length;
    }
}
