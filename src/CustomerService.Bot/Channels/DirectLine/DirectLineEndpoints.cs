using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Maps the Direct Line 3.0 API under <c>/v3/directline</c> (directline.md §3).</summary>
internal static class DirectLineEndpoints
{
    public static WebApplication MapDirectLine(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value.Enabled)
        {
            return app;
        }

        app.UseCors();
        app.UseWebSockets();
        app.MapGroup(DirectLineChannel.RoutePrefix)
            .RequireCors(DirectLineChannel.CorsPolicy)
            .WithTags("DirectLine")
            .MapDirectLineTokens()
            .MapDirectLineConversations()
            .MapDirectLineActivities()
            .MapDirectLineStream();
        return app;
    }
}
