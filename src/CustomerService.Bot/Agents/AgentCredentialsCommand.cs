using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CustomerService.Bot.Agents;

/// <summary>
/// <c>dotnet run --project src/CustomerService.Bot -- hash-password</c> reads a password from standard input (not the
/// command line, which shell history keeps) and prints the hash for <c>Agents__Users__N__PasswordHash</c>;
/// <c>hash-api-key</c> prints a new random key and the hash for <c>Agents__ApiKeys__N__KeyHash</c>.
/// </summary>
internal static class AgentCredentialsCommand
{
    public const string HashPassword = "hash-password";

    public const string HashApiKey = "hash-api-key";

    private const int MinPasswordLength = 12;

    /// <summary>Runs the command named by <paramref name="args"/>; returns null when the arguments name none (start the host).</summary>
    public static int? TryRun(string[] args, TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0)
        {
            return null;
        }

        return args[0] switch
        {
            HashPassword => RunHashPassword(input, output, error, interactive),
            HashApiKey => RunHashApiKey(output),
            _ => null,
        };
    }

    /// <summary>Entry for Program.cs: uses the console, hiding the password as it is typed.</summary>
    public static int? TryRun(string[] args) =>
        TryRun(args, Console.IsInputRedirected ? Console.In : new HiddenConsoleReader(), Console.Out, Console.Error, !Console.IsInputRedirected);

    private static int RunHashPassword(TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        if (interactive)
        {
            error.Write("Password: ");
        }

        var password = input.ReadLine();
        if (interactive)
        {
            error.Write("Repeat password: ");
            if (input.ReadLine() != password)
            {
                error.WriteLine("The passwords do not match.");
                return 1;
            }
        }

        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength || password.Length > AgentAccountStore.MaxSecretLength)
        {
            error.WriteLine($"Give a password of {MinPasswordLength} to {AgentAccountStore.MaxSecretLength} characters on standard input.");
            return 1;
        }

        output.WriteLine(AgentAccountStore.HashPassword(password));
        return 0;
    }

    private static int RunHashApiKey(TextWriter output)
    {
        var key = "csk_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        output.WriteLine($"key:  {key}");
        output.WriteLine($"hash: {AgentAccountStore.HashApiKey(key)}");
        output.WriteLine("Give the key to the automation (header X-Api-Key) and configure only the hash (Agents__ApiKeys__N__KeyHash).");
        return 0;
    }

    /// <summary>Reads one line from the terminal without echoing it.</summary>
    private sealed class HiddenConsoleReader : TextReader
    {
        public override string? ReadLine()
        {
            var line = new StringBuilder();
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter)
                {
                    Console.Error.WriteLine();
                    return line.ToString();
                }

                if (key.Key == ConsoleKey.Backspace)
                {
                    if (line.Length > 0)
                    {
                        line.Length--;
                    }
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    line.Append(key.KeyChar);
                }
            }
        }
    }
}
