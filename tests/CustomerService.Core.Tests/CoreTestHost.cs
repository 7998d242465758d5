using CustomerService.Core;
using CustomerService.Core.Activities;
using CustomerService.Core.Handoff;
using CustomerService.Core.Ports;
using CustomerService.Core.Turns;
using CustomerService.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Core.Tests;

/// <summary>
/// Core wired as the host wires it (AddCustomerServiceCore), with the in-memory store, scripted NLU, a
/// recording sink and relay, a fake clock, and the shipped dialogs from the output folder.
/// </summary>
public sealed class CoreTestHost : IAsyncDisposable
{
    public const string ChannelId = "webchat";
    public const string BotId = "bot";

    private readonly ServiceProvider _services;

    public CoreTestHost(IDictionary<string, string?>? settings = null, string? dialogsPath = null, RecordingLoggerProvider? logs = null, Action<IServiceCollection>? configure = null, bool placeholders = true)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        Store = new InMemoryBotStore(Time);
        var values = new Dictionary<string, string?>
        {
            ["Dialogs:Path"] = dialogsPath ?? Path.Combine(AppContext.BaseDirectory, "dialogs"),
        };
        var configured = new Dictionary<string, string?>
        {
            ["Placeholders:Website Name"] = "shop.example",
            ["Placeholders:Customer Support Phone Number"] = "+1 555 0100",
            ["Placeholders:Customer Support Email"] = "help@shop.example",
            ["Placeholders:Customer Support Availability"] = "Mon-Fri 8:00-18:00",
            ["Placeholders:Order History"] = "Order History",
            ["Placeholders:Account Settings"] = "Account Settings",
        };
        if (placeholders)
        {
            foreach (var (key, value) in configured)
            {
                values[key] = value;
            }
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs is null ? NullLoggerFactory.Instance : logs);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IIntentClassifier>(Classifier);
        services.AddSingleton<IResponseGenerator>(Generator);
        services.AddSingleton<IAgentRelay>(Relay);
        services.AddInMemoryBotStore(Store);
        services.AddCustomerServiceCore(configuration);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public FakeTimeProvider Time { get; }

    public InMemoryBotStore Store { get; }

    public ScriptedIntentClassifier Classifier { get; } = new();

    public ScriptedResponseGenerator Generator { get; } = new();

    public RecordingAgentRelay Relay { get; } = new();

    public RecordingReplySink Sink { get; } = new();

    public IServiceProvider Services => _services;

    public ITurnProcessor Processor => _services.GetRequiredService<ITurnProcessor>();

    public IHandoffService Handoff => _services.GetRequiredService<IHandoffService>();

    /// <summary>Stores the customer's activity as the channel would, then runs the turn.</summary>
    public async Task<StoredActivity> SendAsync(string conversationId, Activity activity, string customerId = "user-1")
    {
        var customer = new ChannelAccount(customerId, null, RoleTypes.User);
        var addressed = activity with
        {
            From = customer,
            Recipient = new ChannelAccount(BotId, "Support", RoleTypes.Bot),
            Conversation = new ConversationAccount(conversationId),
            ChannelId = ChannelId,
        };
        var inbound = Store.AppendCommitted(conversationId, addressed);
        await Processor.ProcessAsync(new TurnRequest(ChannelId, conversationId, inbound, customer, Sink, "en-US"));
        return inbound;
    }

    public Task<StoredActivity> SendTextAsync(string conversationId, string text, string customerId = "user-1") =>
        SendAsync(conversationId, new Activity { Type = ActivityTypes.Message, Text = text }, customerId);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
