namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Outcome of reading a JSON request body.</summary>
internal enum DirectLineBodyStatus
{
    Ok = 0,
    Empty = 1,
    TooLarge = 2,
    Malformed = 3,
}
