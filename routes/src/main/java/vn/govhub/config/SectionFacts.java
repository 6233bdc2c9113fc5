package vn.govhub.config;

import java.util.List;

/**
 * What the hub-wide checks need to know of a flow's province section, so that they read no flow's types: the secrets it
 * holds, the addresses the hub fetches from, whether upstreams download files by signed links.
 */
public interface SectionFacts {

    /** The section's secrets in force, keyed as written in the file: start-up refuses missing or demo values. */
    default List<Secret> secrets() {
        return List.of();
    }

    /** Addresses the hub fetches from through its guarded HTTP client: their hosts are allowed. */
    default List<String> fetchedUrls() {
        return List.of();
    }

    /** Whether the section has upstreams download the hub's files by signed links (which need a link secret). */
    default boolean sendsFileLinks() {
        return false;
    }

    /**
     * @param key      the key under the section, e.g. {@code case-system.password}
     * @param required a missing value is a problem (else only a demo value is)
     */
    record Secret(String key, String value, boolean required) {
    }
}
