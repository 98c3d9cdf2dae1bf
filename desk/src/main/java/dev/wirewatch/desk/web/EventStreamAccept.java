package dev.wirewatch.desk.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Lets {@code GET /api/v1/events} answer a client that does not say {@code Accept: text/event-stream} (curl, a
 * script): Javalin's SSE handler opens a stream only for exactly that header, and the path serves nothing else.
 *
 * <p>Stateless and thread safe.
 */
final class EventStreamAccept implements Filter {

    static final String PATH = ApiRoutes.BASE + "/events";
    private static final String ACCEPT = "Accept";
    private static final String EVENT_STREAM = "text/event-stream";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && PATH.equals(http.getRequestURI())) {
            chain.doFilter(new HttpServletRequestWrapper(http) {
                @Override
                public String getHeader(String name) {
                    return ACCEPT.equalsIgnoreCase(name) ? EVENT_STREAM : super.getHeader(name);
                }

                @Override
                public Enumeration<String> getHeaders(String name) {
                    return ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(EVENT_STREAM))
                            : super.getHeaders(name);
                }
            }, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
