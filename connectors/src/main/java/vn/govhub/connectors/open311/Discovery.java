package vn.govhub.connectors.open311;

import java.util.Objects;

/**
 * The GeoReport v2 discovery document of one jurisdiction ({@code discovery.xml|json}): where its one production
 * endpoint is, in which formats, and whom to ask for an API key.
 *
 * @param changeset  when the endpoint's description last changed (the configuration's load time)
 * @param contact    who answers questions about the endpoint
 * @param keyService how a client gets an {@code api_key}
 * @param url        the endpoint's base URL, ending in {@code /}
 */
public record Discovery(String changeset, String contact, String keyService, String url) {

    /** The specification every endpoint follows. */
    public static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    public Discovery {
        Objects.requireNonNull(changeset, "changeset");
        Objects.requireNonNull(url, "url");
    }
}
