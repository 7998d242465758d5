namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Outcome of reading a token.</summary>
internal enum DirectLineTokenStatus
{
    Valid = 0,
    Invalid = 1,
    Expired = 2,
}
