package dev.wirewatch.config;

/**
 * Where the {@code /metrics} and {@code /health} endpoints listen, and who may read {@code /metrics}.
 *
 * <p>Immutable. Defaults: port 9404 on 127.0.0.1 (metrics can reveal feed URLs, topic and sink ids, so not on every
 * interface unless asked), no authentication. Port 0 picks a free port; -1 turns the endpoint off. With
 * {@code bearerToken} or {@code basicAuth} (a bcrypt hash, as Prometheus' own web config takes it) {@code /metrics}
 * answers 401 without them; {@code /health} and {@code /health/live} stay open for probes.
 */
public record MetricsSettings(Integer port, String bindAddress, String bearerToken, BasicAuth basicAuth) {

    public static final int DEFAULT_PORT = 9404;

    /** A user name and bcrypt password hash for HTTP basic authentication. */
    public record BasicAuth(String username, String passwordHash) {
        @Override
        public String toString() {
            return "BasicAuth[username=" + username + ", passwordHash=(redacted)]";
        }
    }

    public MetricsSettings {
        port = port == null ? DEFAULT_PORT : port;
        bindAddress = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress;
        bearerToken = bearerToken == null || bearerToken.isEmpty() ? null : bearerToken;
    }

    public MetricsSettings(Integer port, String bindAddress) {
        this(port, bindAddress, null, null);
    }

    /** True unless the endpoint is turned off. */
    public boolean enabled() {
        return port >= 0;
    }

    /** A copy on another port, with the same address and authentication. */
    public MetricsSettings withPort(int newPort) {
        return new MetricsSettings(newPort, bindAddress, bearerToken, basicAuth);
    }

    @Override
    public String toString() {
        return "MetricsSettings[port=" + port + ", bindAddress=" + bindAddress + ", bearerToken="
                + (bearerToken == null ? "none" : "(redacted)") + ", basicAuth=" + basicAuth + "]";
    }
}
