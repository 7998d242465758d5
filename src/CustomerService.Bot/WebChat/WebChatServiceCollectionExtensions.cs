namespace CustomerService.Bot.WebChat;

/// <summary>Registers the chat page's options.</summary>
internal static class WebChatServiceCollectionExtensions
{
    public static IServiceCollection AddWebChatPage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>()
            .Bind(configuration.GetSection(WebChatOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
