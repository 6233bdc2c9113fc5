package vn.govhub.connectors.zalo;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the four Zalo hosts are and how long to wait for them. Every base URL is configurable so the sandbox
 * (or a proxy) can stand in for Zalo.
 *
 * @param oauth    OAuth v4 host ({@code https://oauth.zaloapp.com})
 * @param openApi  OA API host ({@code https://openapi.zalo.me})
 * @param business ZNS host ({@code https://business.openapi.zalo.me})
 * @param graph    Graph host for mini app users ({@code https://graph.zalo.me})
 */
public record ZaloEndpoints(URI oauth, URI openApi, URI business, URI graph, Duration connectTimeout,
                            Duration readTimeout) {

    public static final URI OAUTH = URI.create("https://oauth.zaloapp.com");
    public static final URI OPEN_API = URI.create("https://openapi.zalo.me");
    public static final URI BUSINESS = URI.create("https://business.openapi.zalo.me");
    public static final URI GRAPH = URI.create("https://graph.zalo.me");

    public ZaloEndpoints {
        Objects.requireNonNull(oauth, "oauth");
        Objects.requireNonNull(openApi, "openApi");
        Objects.requireNonNull(business, "business");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /** All four hosts on one base URL (the sandbox simulator plays them all). */
    public static ZaloEndpoints allAt(URI base, Duration connectTimeout, Duration readTimeout) {
        return new ZaloEndpoints(base, base, base, base, connectTimeout, readTimeout);
    }

    URI resolve(URI base, String path) {
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return URI.create(root + path);
    }
}
