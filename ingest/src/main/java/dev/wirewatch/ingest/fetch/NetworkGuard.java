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
        if (raw.length == 4) {
            return isInternalV4(raw);
        }
        if ((raw[0] & 0xfe) == 0xfc) {
            return true; // IPv6 unique local fc00::/7
        }
        // IPv6 forms that carry an IPv4 address: NAT64 64:ff9b::/96, 6to4 2002::/16, IPv4-compatible ::a.b.c.d
        if (raw[0] == 0 && raw[1] == 0x64 && (raw[2] & 0xff) == 0xff && (raw[3] & 0xff) == 0x9b) {
            return isInternalV4(java.util.Arrays.copyOfRange(raw, 12, 16));
        }
        if (raw[0] == 0x20 && raw[1] == 0x02) {
            return isInternalV4(java.util.Arrays.copyOfRange(raw, 2, 6));
        }
        boolean zeroPrefix = true;
        for (int i = 0; i < 12; i++) {
            zeroPrefix &= raw[i] == 0;
        }
        return zeroPrefix && isInternalV4(java.util.Arrays.copyOfRange(raw, 12, 16));
    }

    /** Private, loopback, link-local, carrier-grade NAT, "this network", benchmarking and reserved IPv4 ranges. */
    private static boolean isInternalV4(byte[] v4) {
        int a = v4[0] & 0xff;
        int b = v4[1] & 0xff;
        return a == 0 || a == 10 || a == 127 || a >= 224                 // this network, private, loopback, multicast
                || a == 169 && b == 254 || a == 172 && (b & 0xf0) == 16 // link-local, private
                || a == 192 && b == 168 || a == 100 && (b & 0xc0) == 64 // private, carrier-grade NAT
                || a == 198 && (b & 0xfe) == 18;                         // benchmarking 198.18.0.0/15
    }
}
