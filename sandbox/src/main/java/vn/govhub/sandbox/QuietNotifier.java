package vn.govhub.sandbox;

import com.github.tomakehurst.wiremock.common.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends WireMock's chatter to our slf4j at debug level. WireMock's own Slf4jNotifier would log through
 * the copy of slf4j shaded inside wiremock-standalone, which has no binding, so it would be lost.
 */
final class QuietNotifier implements Notifier {

    private final Logger log;

    QuietNotifier(String simulatorName) {
        this.log = LoggerFactory.getLogger(Simulator.class.getName() + "." + simulatorName);
    }

    @Override
    public void info(String message) {
        log.debug(message);
    }

    @Override
    public void error(String message) {
        // unmatched requests land here; in a simulator they are expected, not errors
        log.debug(message);
    }

    @Override
    public void error(String message, Throwable t) {
        log.warn(message, t);
    }
}
