package vn.govhub.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as a simulator received it.
 *
 * @param method     HTTP method, upper case
 * @param path       the path as sent (still percent-encoded), without the query
 * @param query      the raw query string without the {@code ?}, empty when there was none
 * @param headers    all request headers; the map looks names up case-insensitively
 * @param body       the request body, empty when there was none
 * @param receivedAt when the simulator received it
 */
public record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
                       Instant receivedAt) {

    public Received {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), Received::concat));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The first value of the header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of the header, looked up case-insensitively; empty when absent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Received r && method.equals(r.method) && path.equals(r.path) && query.equals(r.query)
                && headers.equals(r.headers) && Arrays.equals(body, r.body) && receivedAt.equals(r.receivedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, headers, Arrays.hashCode(body), receivedAt);
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " (" + body.length + " body bytes, "
                + receivedAt + ")";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
