namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>The inner object of <see cref="DirectLineError"/>; <c>code</c> is one of <see cref="DirectLineErrorCodes"/>.</summary>
internal sealed record DirectLineErrorDetail(string Code, string Message);
