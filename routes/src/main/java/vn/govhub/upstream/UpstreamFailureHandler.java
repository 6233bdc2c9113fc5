package vn.govhub.upstream;

import org.apache.camel.Exchange;

/**
 * A flow's answer to a failed upstream call: record it, back off, retry or dead-letter. Named on the exchange by
 * {@link UpstreamErrors#HANDLER} and called by the shared {@code upstream-errors} route configuration.
 */
public interface UpstreamFailureHandler {

    void onFailure(Exchange exchange, Exception cause);
}
