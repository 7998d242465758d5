using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CustomerService.LoadGenerator.DirectLine;
using CustomerService.LoadGenerator.Simulation;
using CustomerService.LoadGenerator.Utterances;

namespace CustomerService.LoadGenerator.Cli;

/// <summary>The command line: options, their bounds, and the hand-off to <see cref="LoadRun"/>.</summary>
internal static class LoadCommand
{
    private const int MaxConcurrency = 2_000;
    private const int MaxSteps = 16;

    public static RootCommand Create(TimeProvider timeProvider)
    {
        var url = new Option<Uri?>("--url")
        {
            Description = "Base URL of a running host (loopback only). Default http://127.0.0.1:5080 unless --start-host is given.",
            CustomParser = ParseUri,
        };
        var concurrency = new Option<IReadOnlyList<int>>("--concurrency", "-c")
        {
            Description = "Concurrent customers per step, comma separated: a sweep such as 10,50,100,200.",
            CustomParser = ParseConcurrency,
            DefaultValueFactory = _ => [10],
        };
        var rampUp = DurationOption("--ramp-up", "Time over which a step starts its customers.", "5s", TimeSpan.Zero, TimeSpan.FromMinutes(10));
        var duration = DurationOption("--duration", "How long each step sends turns (ramp-up included); in-flight turns then drain.", "30s", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(30));
        var maxTurns = IntOption("--max-turns", "Hard cap on turns posted per step.", 20_000, 1, 1_000_000);
        var turnsPerConversation = IntOption("--turns-per-conversation", "Turns per conversation before the customer opens a new one.", 5, 1, 1_000);
        var thinkTime = DurationOption("--think-time", "Mean of the exponential think time after each reply (0 = none).", "1s", TimeSpan.Zero, TimeSpan.FromMinutes(10));
        var replyTimeout = DurationOption("--reply-timeout", "No bot reply within this time: the turn is lost.", "10s", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));
        var warmup = DurationOption("--warmup", "Discarded warm-up run before the sweep, at the first step's concurrency (0 = none).", "5s", TimeSpan.Zero, TimeSpan.FromMinutes(10));
        var cooldown = DurationOption("--cooldown", "Longest pause between steps; with --start-host it ends once the host is idle (0 = none).", "30s", TimeSpan.Zero, TimeSpan.FromMinutes(10));
        var transport = new Option<TransportKind>("--transport")
        {
            Description = "websocket (Web Chat's default) or polling.",
            DefaultValueFactory = _ => TransportKind.WebSocket,
        };
        var pollInterval = DurationOption("--poll-interval", "GET activities interval in polling mode (Web Chat: 1s, floor 200ms).", "1s", TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));
        var utterances = new Option<string>("--utterances")
        {
            Description = "Held-out CSV (RFC 4180, header row) read at run time.",
            DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "bitext-customer-support", "intent-detection", "test.csv"),
        };
        var utteranceColumn = new Option<string>("--utterance-column")
        {
            Description = "Header name of the column that holds the customer text.",
            DefaultValueFactory = _ => "utterance",
        };
        var intentColumn = new Option<string>("--intent-column")
        {
            Description = "Header name of the intent label column, for --only-intents and --skip-intents.",
            DefaultValueFactory = _ => "intent",
        };
        var onlyIntents = new Option<IReadOnlySet<string>>("--only-intents")
        {
            Description = "Send only utterances labelled with these intents (comma separated).",
            CustomParser = ParseIntentList,
            DefaultValueFactory = _ => new HashSet<string>(StringComparer.Ordinal),
        };
        var skipIntents = new Option<IReadOnlySet<string>>("--skip-intents")
        {
            Description = "Leave out utterances labelled with these intents (comma separated), e.g. those whose dialogs call the generator.",
            CustomParser = ParseIntentList,
            DefaultValueFactory = _ => new HashSet<string>(StringComparer.Ordinal),
        };
        var locale = new Option<string>("--locale")
        {
            Description = "BCP-47 locale sent on every message.",
            DefaultValueFactory = _ => "en-US",
        };
        var secretVariable = new Option<string>("--secret-env")
        {
            Description = "Environment variable holding the Direct Line secret (never pass a secret as an argument).",
            DefaultValueFactory = _ => "DirectLine__Secret",
        };
        var tokenEndpoint = new Option<string?>("--token-endpoint")
        {
            Description = "Same-origin path of the Web Chat page's token endpoint (e.g. /api/webchat/session); replaces tokens/generate with the secret.",
        };
        var expectedReplies = IntOption("--expected-replies", "Bot messages expected per turn; more count as duplicated (0 = unchecked).", 0, 0, 100);
        var targetP95 = DurationOption("--target-p95", "p95 target drawn on the chart and used for the verdict.", "300ms", TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1));
        var startHost = new Option<string?>("--start-host")
        {
            Description = "Start this host DLL or executable as a child process on a free loopback port, and report its RSS and time to ready.",
        };
        var hostContentRoot = new Option<string>("--host-content-root")
        {
            Description = "Working directory (content root) of the started host.",
            DefaultValueFactory = _ => ".",
        };
        var hostEnvironment = new Option<string[]>("--host-env")
        {
            Description = "Extra KEY=VALUE environment for the started host; repeatable.",
            DefaultValueFactory = _ => [],
            AllowMultipleArgumentsPerToken = false,
        };
        var hostReadyTimeout = DurationOption("--host-ready-timeout", "How long the started host may take to answer 200 on /readyz.", "60s", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        var output = new Option<string>("--out")
        {
            Description = "Folder for report.txt, results.json, the chart and the host log.",
            DefaultValueFactory = _ => Path.Combine("artifacts", "load"),
        };
        var chart = new Option<string?>("--chart")
        {
            Description = "PNG path of the latency chart (default: <out>/latency.png).",
        };
        var replot = new Option<string?>("--replot")
        {
            Description = "Send nothing: read a results.json of an earlier run and redraw its report and chart (--chart sets where).",
        };
        var seed = IntOption("--seed", "Seed for utterance choice and think times.", 1, int.MinValue, int.MaxValue);

        var command = new RootCommand(
            "Direct Line load generator for CustomerService: N concurrent simulated customers, each with its own conversation and token, "
            + "sending held-out utterances with think time; reports turn latency percentiles, throughput, errors, lost and duplicated replies.")
        {
            url, concurrency, rampUp, duration, maxTurns, turnsPerConversation, thinkTime, replyTimeout, warmup, cooldown, transport, pollInterval,
            utterances, utteranceColumn, intentColumn, onlyIntents, skipIntents, locale, secretVariable, tokenEndpoint, expectedReplies, targetP95, startHost, hostContentRoot,
            hostEnvironment, hostReadyTimeout, output, chart, replot, seed,
        };

        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(replot) is { } resultsPath)
            {
                return await LoadRun.ReplotAsync(resultsPath, result.GetValue(chart) ?? Path.ChangeExtension(resultsPath, ".png"), cancellationToken);
            }

            // Checks across options run here, after parsing, where defaults are filled in.
            var problems = new List<string>();
            var host = result.GetValue(startHost);
            if (host is not null && result.GetValue(url) is not null)
            {
                problems.Add("--url and --start-host exclude each other: a started host listens on a free loopback port of its own.");
            }

            if (result.GetValue(rampUp) >= result.GetValue(duration))
            {
                problems.Add("--ramp-up must be shorter than --duration.");
            }

            if (result.GetValue(tokenEndpoint) is { } endpoint && !IsSameOriginPath(endpoint))
            {
                problems.Add("--token-endpoint must be a path on the same host, starting with a single '/'.");
            }

            var environment = new List<KeyValuePair<string, string>>();
            foreach (var pair in result.GetValue(hostEnvironment) ?? [])
            {
                if (TrySplitEnvironment(pair, out var kv))
                {
                    environment.Add(kv);
                }
                else
                {
                    problems.Add($"--host-env expects KEY=VALUE, got '{Truncate(pair)}'.");
                }
            }

            foreach (var (option, name) in new[] { (utterances, "--utterances"), (utteranceColumn, "--utterance-column"), (intentColumn, "--intent-column"), (locale, "--locale"), (secretVariable, "--secret-env"), (output, "--out") })
            {
                if (string.IsNullOrWhiteSpace(result.GetValue(option)))
                {
                    problems.Add($"{name} must not be empty.");
                }
            }

            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync(problem);
                }

                return LoadRun.ExitFailed;
            }

            var outputDirectory = result.GetRequiredValue(output);
            var settings = new LoadRunSettings
            {
                BaseUrl = host is null ? result.GetValue(url) ?? new Uri("http://127.0.0.1:5080") : null,
                ConcurrencyLevels = result.GetRequiredValue(concurrency),
                RampUp = result.GetValue(rampUp),
                StepDuration = result.GetValue(duration),
                MaxTurnsPerStep = result.GetValue(maxTurns),
                TurnsPerConversation = result.GetValue(turnsPerConversation),
                ThinkTimeMean = result.GetValue(thinkTime),
                ReplyTimeout = result.GetValue(replyTimeout),
                Warmup = result.GetValue(warmup),
                Cooldown = result.GetValue(cooldown),
                Transport = result.GetValue(transport),
                PollInterval = result.GetValue(pollInterval),
                UtterancesPath = result.GetRequiredValue(utterances),
                UtteranceColumn = result.GetRequiredValue(utteranceColumn),
                Intents = new IntentFilter(result.GetRequiredValue(intentColumn), result.GetRequiredValue(onlyIntents), result.GetRequiredValue(skipIntents)),
                Locale = result.GetRequiredValue(locale),
                SecretVariable = result.GetRequiredValue(secretVariable),
                TokenEndpoint = result.GetValue(tokenEndpoint),
                ExpectedRepliesPerTurn = result.GetValue(expectedReplies),
                TargetP95 = result.GetValue(targetP95),
                StartHost = host,
                HostContentRoot = result.GetRequiredValue(hostContentRoot),
                HostEnvironment = environment,
                HostReadyTimeout = result.GetValue(hostReadyTimeout),
                OutputDirectory = outputDirectory,
                ChartPath = result.GetValue(chart) ?? Path.Combine(outputDirectory, "latency.png"),
                Seed = result.GetValue(seed),
            };

            return await new LoadRun(settings, timeProvider).ExecuteAsync(cancellationToken);
        });

        return command;
    }

    private static Option<TimeSpan> DurationOption(string name, string description, string defaultText, TimeSpan min, TimeSpan max)
    {
        var fallback = DurationParser.TryParse(defaultText, out var parsed) ? parsed : throw new ArgumentException("bad default", nameof(defaultText));
        return new Option<TimeSpan>(name)
        {
            Description = $"{description} Accepts 500ms, 30s, 2m or 00:00:30. Default {defaultText}.",
            DefaultValueFactory = _ => fallback,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
                if (!DurationParser.TryParse(text, out var value))
                {
                    result.AddError($"{name}: '{Truncate(text)}' is not a duration (use 500ms, 30s, 2m or 00:00:30).");
                    return default;
                }

                if (value < min || value > max)
                {
                    result.AddError($"{name}: {value} is outside {min}..{max}.");
                }

                return value;
            },
        };
    }

    private static Option<int> IntOption(string name, string description, int defaultValue, int min, int max)
    {
        var option = new Option<int>(name)
        {
            Description = $"{description} Default {defaultValue.ToString(CultureInfo.InvariantCulture)}.",
            DefaultValueFactory = _ => defaultValue,
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError($"{name}: {value.ToString(CultureInfo.InvariantCulture)} is outside {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}.");
            }
        });
        return option;
    }

    private static Uri? ParseUri(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            result.AddError($"--url: '{Truncate(text)}' is not an absolute http(s) URL.");
            return null;
        }

        if (!LoopbackPolicy.IsLoopback(uri))
        {
            result.AddError($"--url: refusing '{uri.Host}': the load generator only targets localhost, 127.0.0.0/8 or [::1].");
            return null;
        }

        return uri;
    }

    private static IReadOnlyList<int> ParseConcurrency(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var levels = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level < 1 || level > MaxConcurrency)
            {
                result.AddError($"--concurrency: '{Truncate(part)}' is not a whole number in 1..{MaxConcurrency.ToString(CultureInfo.InvariantCulture)}.");
                return [];
            }

            levels.Add(level);
        }

        if (levels.Count is 0 or > MaxSteps)
        {
            result.AddError($"--concurrency: give 1 to {MaxSteps.ToString(CultureInfo.InvariantCulture)} levels, e.g. 10,50,100,200.");
        }

        return levels;
    }

    private static IReadOnlySet<string> ParseIntentList(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        var intents = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (intents.Count is 0 or > 500 || intents.Any(intent => intent.Length > 100))
        {
            result.AddError("Intent lists take 1 to 500 comma-separated intent ids, e.g. track_order,get_refund.");
        }

        return intents;
    }

    private static bool IsSameOriginPath(string path) =>
        path.Length is > 1 and <= 256
        && path[0] == '/'
        && !path.StartsWith("//", StringComparison.Ordinal)
        && !path.Contains('\\', StringComparison.Ordinal)
        && Uri.TryCreate(path, UriKind.Relative, out _);

    private static bool TrySplitEnvironment(string pair, out KeyValuePair<string, string> value)
    {
        value = default;
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return false;
        }

        value = new KeyValuePair<string, string>(pair[..equals], pair[(equals + 1)..]);
        return true;
    }

    // Echoed arguments are cut short so a pasted secret or a huge value does not fill the terminal.
    private static string Truncate(string? text) =>
        text is null ? string.Empty : text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
