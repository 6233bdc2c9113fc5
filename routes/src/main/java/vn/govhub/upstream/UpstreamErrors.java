package vn.govhub.upstream;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The error handling of every route that calls an upstream: the failure is handled (a poller must never die of
 * it) and handed to the flow's {@link UpstreamFailureHandler}, whose bean name the route puts in the exchange
 * property {@link #HANDLER}.
 */
@Component
public class UpstreamErrors extends RouteConfigurationBuilder {

    public static final String ID = "upstream-errors";
    public static final String HANDLER = "govhub.failureHandler";
    private static final Logger log = LoggerFactory.getLogger(UpstreamErrors.class);

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class).handled(true)
                .process(UpstreamErrors::dispatch);
    }

    private static void dispatch(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String handlerName = exchange.getProperty(HANDLER, String.class);
        UpstreamFailureHandler handler = handlerName == null ? null
                : exchange.getContext().getRegistry().lookupByNameAndType(handlerName, UpstreamFailureHandler.class);
        if (handler == null) {
            log.error("Upstream call failed and route {} names no failure handler: {}", exchange.getFromRouteId(), cause.toString());
            return;
        }
        handler.onFailure(exchange, cause);
    }
}
