using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CustomerService.Bot.Security;

/// <summary>Turns <see cref="SecurityOptions.TrustedProxies"/> into ASP.NET Core's forwarded-headers settings.</summary>
internal static class TrustedProxyNetworks
{
    public static bool IsValid(string entry) => TryParse(entry, out _);

    /// <summary>
    /// Believes X-Forwarded-For and X-Forwarded-Proto only from the listed proxies, walking the chain from the nearest
    /// hop until the first address that is not one of them. ASP.NET Core trusts loopback by default; that default is
    /// dropped so only what is configured counts.
    /// </summary>
    public static ForwardedHeadersOptions ForwardedHeaders(IEnumerable<string> entries)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in entries)
        {
            if (!TryParse(entry, out var network))
            {
                throw new ArgumentException($"not an IP address or CIDR network: '{entry}'", nameof(entries));
            }

            options.KnownIPNetworks.Add(network);
        }

        return options;
    }

    private static bool TryParse(string entry, out System.Net.IPNetwork network)
    {
        var text = entry?.Trim() ?? "";
        if (IPAddress.TryParse(text, out var address) && !text.Contains('/', StringComparison.Ordinal))
        {
            network = new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return System.Net.IPNetwork.TryParse(text, out network);
    }
}
