package dev.wirewatch.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class NetworkGuardTest {

    private final NetworkGuard strict = new NetworkGuard(false);

    @Test
    void internalAddressesAreRefusedByDefault() {
        for (String url : new String[] {"http://127.0.0.1/", "http://localhost:8080/x", "http://10.1.2.3/",
                "http://192.168.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
                "http://100.64.0.1/", "http://0.0.0.1/", "http://198.18.0.1/", "http://240.0.0.1/",
                "http://[64:ff9b::a00:1]/", "http://[2002:7f00:1::]/", "http://[::10.0.0.1]/",
                "http://[::ffff:127.0.0.1]/", "http://[fd00::1]/"}) {
            FetchException e = assertThrows(FetchException.class, () -> strict.check(URI.create(url)), url);
            assertEquals("refused-private-network", e.outcome(), url);
        }
    }

    @Test
    void publicAddressesPassIncludingTheirIpv6Forms() {
        for (String ip : new String[] {"93.184.216.34", "64:ff9b::5db8:d822", "2002:5db8:d822::", "2606:4700::1"}) {
            assertEquals(false, NetworkGuard.isInternal(address(ip)), ip);
        }
    }

    private static java.net.InetAddress address(String literal) {
        try {
            return java.net.InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        assertEquals("refused-scheme", assertThrows(FetchException.class,
                () -> strict.check(URI.create("file:///etc/passwd"))).outcome());
        assertEquals("refused-scheme", assertThrows(FetchException.class,
                () -> new NetworkGuard(true).check(URI.create("ftp://127.0.0.1/x"))).outcome());
    }

    @Test
    void privateNetworksMayBeAllowed() {
        assertDoesNotThrow(() -> new NetworkGuard(true).check(URI.create("http://127.0.0.1:9/feed")));
    }
}
