using System.Net;

namespace CustomerService.LoadGenerator.DirectLine;

/// <summary>
/// The load generator sends traffic only to this machine. Every URL it is given or told to follow
/// (the base URL, a streamUrl from the server) passes through here first.
/// </summary>
internal static class LoopbackPolicy
{
    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            return false;
        }

        // Uri.IsLoopback accepts "localhost" by name and any 127.0.0.0/8 or ::1 literal; nothing that needs DNS.
        return uri.IsLoopback
            && (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
                ? IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address)
                : string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));
    }

    public static void EnsureLoopback(Uri uri, string what)
    {
        if (!IsLoopback(uri))
        {
            throw new DirectLineProtocolException($"{what} points at '{uri.Host}', which is not a loopback address; refusing to connect.");
        }
    }
}
