package dev.wirewatch.ingest.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Refuses URLs that would make Wirewatch fetch from inside the network it runs in (SSRF): loopback, private,
 * link-local (including the cloud metadata address 169.254.169.254), unique-local IPv6 and wildcard addresses, and
 * any scheme but http/https.
 *
 * <p>Thread safe. When private networks are allowed (demo, tests, intranet feeds) only the scheme is checked.
 */
public final class NetworkGuard {

    private final boolean allowPrivateNetworks;

    public NetworkGuard(boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** Returns normally when {@code uri} may be fetched; otherwise says why not. */
    public void check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("refused-scheme", "only http and https URLs are fetched, not " + uri);
        }
        if (uri.getHost() == null) {
            throw new FetchException("invalid-url", "URL has no host: " + uri);
        }
        if (allowPrivateNetworks) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isInternal(address)) {
                    throw new FetchException("refused-private-network", uri.getHost() + " resolves to internal address "
                            + address.getHostAddress() + " (set ingest.allowPrivateNetworks: true to allow)");
                }
            }
        } catch (UnknownHostException e) {
            throw new FetchException("dns", "unknown host " + uri.getHost(), e);
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (raw.length == 16 && (raw[0] & 0xfe) == 0xfc) {
            return true; // IPv6 unique local fc00::/7
        }
        // 100.64.0.0/10 (carrier-grade NAT) is internal on most clouds.
        return raw.length == 4 && (raw[0] & 0xff) == 100 && (raw[1] & 0xc0) == 64;
    }
}
