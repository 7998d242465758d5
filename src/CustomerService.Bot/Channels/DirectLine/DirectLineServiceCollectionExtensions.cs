using CustomerService.Core.Ports;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Registers the Direct Line channel: options, tokens, the socket hub and the ingress.</summary>
internal static class DirectLineServiceCollectionExtensions
{
    private static readonly string[] AllowedHeaders = ["Authorization", "Content-Type", "x-ms-bot-agent"];

    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineAuthenticator>();
        services.AddSingleton<DirectLineActivityMapper>();
        services.AddSingleton<DirectLineHistory>();
        services.AddSingleton<DirectLineStreamHub>();
        services.AddSingleton<DirectLineReplySink>();

        // Agent replies and other out-of-turn messages find the channel's way out by channel id.
        services.AddKeyedSingleton<IReplySink>(DirectLineChannel.ChannelId, (provider, _) => provider.GetRequiredService<DirectLineReplySink>());
        services.AddSingleton<DirectLineStreamSession>();
        services.AddSingleton<DirectLineIngress>();
        services.AddHostedService<DirectLineTurnRecovery>();

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<DirectLineOptions>>((cors, directLine) =>
            cors.AddPolicy(DirectLineChannel.CorsPolicy, policy =>
            {
                // Bearer tokens, not cookies: any origin may embed the widget unless the operator lists origins.
                var origins = directLine.Value.AllowedOrigins;
                _ = origins.Count == 0 ? policy.AllowAnyOrigin() : policy.WithOrigins([.. origins]);
                policy.WithHeaders(AllowedHeaders).WithMethods(HttpMethods.Get, HttpMethods.Post).SetPreflightMaxAge(TimeSpan.FromHours(1));
            }));
        return services;
    }
}
