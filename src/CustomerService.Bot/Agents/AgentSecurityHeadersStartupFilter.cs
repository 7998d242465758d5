namespace CustomerService.Bot.Agents;

/// <summary>Puts <see cref="AgentSecurityHeadersMiddleware"/> first in the pipeline, ahead of whatever Program.cs adds.</summary>
internal sealed class AgentSecurityHeadersStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<AgentSecurityHeadersMiddleware>();
        next(app);
    };
}
