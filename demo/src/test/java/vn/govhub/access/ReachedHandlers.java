package vn.govhub.access;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records which handler each probe request reached: the dispatcher asks its handler mappings only after every
 * security filter let the request through, so a recorded pattern is a request that got past authorisation. Probes
 * are told apart by their {@code X-Probe} header.
 */
@TestConfiguration(proxyBeanMethods = false)
class ReachedHandlers {

    static final String PROBE_HEADER = "X-Probe";
    /** probe id → "METHOD pattern" of the handler it reached */
    static final Map<String, String> REACHED = new ConcurrentHashMap<>();

    @Bean(name = "dispatcherServlet")
    DispatcherServlet dispatcherServlet() {
        return new DispatcherServlet() {
            @Override
            protected HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
                HandlerExecutionChain chain = super.getHandler(request);
                String probe = request.getHeader(PROBE_HEADER);
                if (chain != null && probe != null && request.getDispatcherType() == DispatcherType.REQUEST) {
                    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                    REACHED.put(probe, request.getMethod() + " " + (pattern == null ? chain.getHandler().toString() : pattern));
                }
                return chain;
            }
        };
    }
}
