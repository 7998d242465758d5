namespace CustomerService.Core.Routing;

/// <summary>What a rule recognised in a message.</summary>
internal enum RuleMatch
{
    None = 0,
    Greeting = 1,
    Thanks = 2,
    Goodbye = 3,
    HumanAgent = 4,

    /// <summary>"never mind", "forget it": leave the active dialog.</summary>
    CancelDialog = 5,
}
