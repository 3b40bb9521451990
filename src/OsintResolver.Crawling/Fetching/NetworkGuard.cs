using System.Net;
using System.Net.Sockets;

namespace OsintResolver.Crawling.Fetching;

/// <summary>
/// SSRF protection. Every connection is made by <see cref="ConnectAsync"/>: the host is resolved,
/// every address is checked, and the socket connects only to the checked addresses, so neither
/// a redirect nor a DNS answer that changes between check and connect reaches a private,
/// loopback or link-local address unless the run allows it.
/// </summary>
internal sealed class NetworkGuard(bool allowPrivateNetwork)
{
    public bool AllowPrivateNetwork { get; } = allowPrivateNetwork;

    /// <summary>Why an address may not be reached from a crawl, or null when it may.</summary>
    public static string? Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return "loopback";
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 => "unspecified (0.0.0.0/8)",
                10 => "private (10.0.0.0/8)",
                100 when b[1] is >= 64 and <= 127 => "shared address space (100.64.0.0/10)",
                169 when b[1] == 254 => "link-local (169.254.0.0/16)",
                172 when b[1] is >= 16 and <= 31 => "private (172.16.0.0/12)",
                192 when b[1] == 168 => "private (192.168.0.0/16)",
                192 when b[1] == 0 && b[2] == 0 => "IETF protocol assignments (192.0.0.0/24)",
                198 when b[1] is 18 or 19 => "benchmarking (198.18.0.0/15)",
                >= 224 and <= 239 => "multicast",
                >= 240 => "reserved (240.0.0.0/4)",
                _ => null,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
            {
                return "unspecified (::)";
            }

            var b = address.GetAddressBytes();
            if (address.IsIPv6LinkLocal)
            {
                return "link-local (fe80::/10)";
            }

            if (address.IsIPv6SiteLocal)
            {
                return "site-local (fec0::/10)";
            }

            if ((b[0] & 0xFE) == 0xFC)
            {
                return "unique local (fc00::/7)";
            }

            if (address.IsIPv6Multicast)
            {
                return "multicast";
            }

            // NAT64 and 6to4 embed an IPv4 address that must pass the same checks.
            if (b[0] == 0x20 && b[1] == 0x02)
            {
                return Classify(new IPAddress(b.AsSpan(2, 4)));
            }

            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
            {
                return Classify(new IPAddress(b.AsSpan(12, 4)));
            }
        }

        return null;
    }

    /// <summary>Throws when the address is refused; the message names the host, address and range.</summary>
    public void Check(string host, IPAddress address)
    {
        if (AllowPrivateNetwork)
        {
            return;
        }

        if (Classify(address) is { } kind)
        {
            throw new PrivateNetworkRefusedException(
                $"refused to connect to {host} ({address}): {kind} address; pass --allow-private-network to allow it");
        }
    }

    /// <summary>The connect callback of the fetch pipeline's handler.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, ct).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        foreach (var address in addresses)
        {
            Check(endpoint.Host, address);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
