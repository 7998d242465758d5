namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Direct Line's error body: <c>{"error":{"code":"...","message":"..."}}</c>.</summary>
internal sealed record DirectLineError(DirectLineErrorDetail Error)
{
    public static DirectLineError Of(string code, string message) => new(new DirectLineErrorDetail(code, message));
}
