package dev.wirewatch.config;

/**
 * Where the {@code /metrics} and {@code /health} endpoints listen.
 *
 * <p>Immutable. Defaults: port 9404 on 127.0.0.1 (metrics can reveal feed URLs, so not on every interface unless
 * asked). Port 0 picks a free port; -1 turns the endpoint off.
 */
public record MetricsSettings(Integer port, String bindAddress) {

    public static final int DEFAULT_PORT = 9404;

    public MetricsSettings {
        port = port == null ? DEFAULT_PORT : port;
        bindAddress = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress;
    }

    /** True unless the endpoint is turned off. */
    public boolean enabled() {
        return port >= 0;
    }
}
