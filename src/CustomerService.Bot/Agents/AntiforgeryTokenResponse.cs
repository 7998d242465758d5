namespace CustomerService.Bot.Agents;

/// <summary>Body of <c>GET /api/agent/antiforgery</c>: the token for the sign-in form.</summary>
/// <param name="Token">Send in the <c>RequestVerificationToken</c> header.</param>
/// <param name="HeaderName">The header to send it in.</param>
internal sealed record AntiforgeryTokenResponse(string Token, string HeaderName);
