package dev.wirewatch.ingest.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Refuses URLs that would make Wirewatch fetch from inside the network it runs in (SSRF): loopback, private,
 * link-local (including the cloud metadata address 169.254.169.254), unique-local IPv6 and wildcard addresses, and
 * any scheme but http/https. The address check is the fetcher's name resolution ({@link #resolve}): the addresses it
 * checks are the ones the connection uses, so a name that answers a public address to the check and an internal one
 * to the connection (DNS rebinding) cannot get through.
 *
 * <p>Thread safe. When private networks are allowed (demo, tests, intranet feeds) only the scheme is checked.
 */
public final class NetworkGuard {

    /** How a host name becomes addresses; the system resolver unless a test gives another. */
    @FunctionalInterface
    public interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    /** An address refused by the guard, raised from name resolution so that nothing connects to it. */
    static final class Refused extends UnknownHostException {
        Refused(String message) {
            super(message);
        }
    }

    private final boolean allowPrivateNetworks;
    private final Lookup lookup;

    public NetworkGuard(boolean allowPrivateNetworks) {
        this(allowPrivateNetworks, InetAddress::getAllByName);
    }

    public NetworkGuard(boolean allowPrivateNetworks, Lookup lookup) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.lookup = lookup;
    }

    /**
     * The addresses to connect to for {@code host}, resolved once and checked: what the connection uses.
     *
     * @throws UnknownHostException for an unknown host, or a {@link Refused} one for an internal address
     */
    InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = lookup.addresses(host);
        if (!allowPrivateNetworks) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    throw new Refused(host + " resolves to internal address " + address.getHostAddress()
                            + " (set ingest.allowPrivateNetworks: true to allow)");
                }
            }
        }
        return addresses;
    }

    /** Returns normally when {@code uri} may be fetched (scheme, host and its addresses); otherwise says why not. */
    public void check(URI uri) throws FetchException {
        checkTarget(uri);
        if (allowPrivateNetworks) {
            return;
        }
        try {
            resolve(uri.getHost());
        } catch (Refused e) {
            throw new FetchException("refused-private-network", e.getMessage(), e);
        } catch (UnknownHostException e) {
            throw new FetchException("dns", "unknown host " + uri.getHost(), e);
        }
    }

    /** The scheme (http or https) and the presence of a host; the addresses are checked when resolved to connect. */
    void checkTarget(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("refused-scheme", "only http and https URLs are fetched, not " + uri);
        }
        if (uri.getHost() == null) {
            throw new FetchException("invalid-url", "URL has no host: " + uri);
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
