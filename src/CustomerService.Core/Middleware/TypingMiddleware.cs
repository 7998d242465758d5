using CustomerService.Core.Activities;
using CustomerService.Core.Turns;

namespace CustomerService.Core.Middleware;

/// <summary>
/// Shows typing before the bot works on a customer message. Replies are published only after the commit,
/// so typing can never follow the turn's last message.
/// </summary>
internal sealed class TypingMiddleware : ITurnMiddleware
{
    public async Task InvokeAsync(TurnContext context, TurnDelegate next, CancellationToken cancellationToken)
    {
        if (context.Activity.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(context.Activity.Text))
        {
            await context.SendTypingAsync(cancellationToken);
        }

        await next(context, cancellationToken);
    }
}
