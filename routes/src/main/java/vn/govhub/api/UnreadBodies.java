package vn.govhub.api;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request answered before its body was read to the end: Tomcat would read the rest to reuse the connection, at
 * whatever pace the client sends it, holding a worker thread for a client that drips. A body the inbound limits
 * refused (too large, too slow) ends its connection at once; one a handler merely did not need is read for at most
 * {@link #DRAIN_TIME} and {@link #DRAIN_BYTES} (a client still sending gets its answer on a connection it can reuse),
 * and past that the connection is closed instead.
 */
@Configuration(proxyBeanMethods = false)
class UnreadBodies {

    static final long DRAIN_TIME = 1_000_000_000L;
    static final long DRAIN_BYTES = 2L << 20;

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> boundedDrainOfUnreadBodies() {
        // an engine valve: it runs after the host's error handling, around everything the application does
        return factory -> factory.addEngineValves(new DrainOrClose());
    }

    static final class DrainOrClose extends ValveBase {
        DrainOrClose() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            try {
                getNext().invoke(request, response);
            } finally {
                boolean refused = Boolean.TRUE.equals(request.getAttribute(InboundFilter.CLOSE));
                if (!request.isAsyncStarted() && !fullyRead(request) && (refused || !drained(request))) {
                    request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
                }
            }
        }

        private static boolean fullyRead(Request request) {
            AtomicBoolean read = new AtomicBoolean(true);
            request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, read);
            return read.get();
        }

        private static boolean drained(Request request) {
            long until = System.nanoTime() + DRAIN_TIME;
            long left = DRAIN_BYTES;
            byte[] sink = new byte[8192];
            try {
                InputStream in = request.getInputStream();
                int n;
                while ((n = in.read(sink)) != -1) {
                    left -= n;
                    if (left < 0 || System.nanoTime() > until) {
                        return false;
                    }
                }
                return true;
            } catch (IOException | IllegalStateException e) {
                return false;
            }
        }
    }
}
