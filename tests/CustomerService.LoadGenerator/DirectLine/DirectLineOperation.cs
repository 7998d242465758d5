namespace CustomerService.LoadGenerator.DirectLine;

/// <summary>The Direct Line calls a simulated customer makes; errors are counted per operation.</summary>
internal enum DirectLineOperation
{
    GenerateToken = 0,
    StartConversation = 1,
    PostActivity = 2,
    GetActivities = 3,
    Stream = 4,
}
