package vn.govhub.upstream;

import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one client set-up of camel-http, through which the hub fetches what upstream data points at: connect and read
 * timeouts, the {@link OutboundGuard} on every connection (redirects included), and, on every answer, the size cap
 * (a declared length over it is refused before reading) and the whole-answer deadline (a watchdog closes the
 * connection of an answer still arriving when it passes, so no reader stays blocked on a stalled sender).
 */
@Configuration(proxyBeanMethods = false)
class HttpClientSetup {

    /** The watchdog's thread (not an Executor bean: that would take the place of Boot's task executor). */
    static final class Watchdog implements org.springframework.beans.factory.DisposableBean {
        final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "http-deadlines");
            t.setDaemon(true);
            return t;
        });

        @Override
        public void destroy() {
            scheduler.shutdownNow();
        }
    }

    @Bean
    Watchdog httpWatchdog() {
        return new Watchdog();
    }

    @Bean
    OutboundGuard outboundGuard(HttpProperties properties, ProvinceRegistry provinces) {
        return new OutboundGuard(properties.allowedHosts(), properties.allowedNetworks(), () -> configuredHosts(provinces));
    }

    @Bean
    ComponentCustomizer httpClient(HttpProperties properties, OutboundGuard guard, Watchdog httpWatchdog) {
        return ComponentCustomizer.builder(HttpComponent.class).build(http -> {
            PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(guard)
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                            .setSocketTimeout(Timeout.of(properties.responseTimeout())).build())
                    .setMaxConnTotal(200).setMaxConnPerRoute(20)
                    .build();
            http.setClientConnectionManager(connections);
            http.setConnectTimeout(properties.connectTimeout().toMillis());
            http.setConnectionRequestTimeout(properties.connectTimeout().toMillis());
            http.setResponseTimeout(properties.responseTimeout().toMillis());
            http.setSoTimeout(properties.responseTimeout().toMillis());
            http.setHttpClientConfigurer(builder -> builder.addExecInterceptorLast("govhub-limits",
                    new Limits(properties.maxBodyBytes().toBytes(), properties.bodyDeadline().toMillis(), httpWatchdog.scheduler)));
        });
    }

    /** The hosts the configuration itself names: what the provinces' sections fetch from (news and catalogue sources). */
    static Set<String> configuredHosts(ProvinceRegistry provinces) {
        Set<String> hosts = new HashSet<>();
        for (ProvinceProperties p : provinces.snapshot().provinces()) {
            p.facts().forEach(facts -> facts.fetchedUrls().forEach(url -> add(hosts, url)));
        }
        return hosts;
    }

    private static void add(Set<String> hosts, String url) {
        try {
            String host = URI.create(url).getHost();
            if (host != null) {
                hosts.add(host.toLowerCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException ignored) {
            // validated at load: cannot happen
        }
    }

    /** The size cap and the whole-answer deadline of every answer. */
    record Limits(long maxBytes, long deadlineMillis, ScheduledExecutorService watchdog) implements ExecChainHandler {
        @Override
        public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
                throws IOException, HttpException {
            ScheduledFuture<?> deadline = watchdog.schedule(scope.execRuntime::discardEndpoint, deadlineMillis, TimeUnit.MILLISECONDS);
            ClassicHttpResponse response;
            try {
                response = chain.proceed(request, scope);
            } catch (IOException | HttpException | RuntimeException e) {
                deadline.cancel(false);
                throw e;
            }
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                deadline.cancel(false);
                return response;
            }
            if (entity.getContentLength() > maxBytes) {
                deadline.cancel(false);
                scope.execRuntime.discardEndpoint(); // closing the response would read the rest to reuse the connection
                throw new ResponseTooLarge("the answer declares " + entity.getContentLength() + " bytes, more than the "
                        + maxBytes + " the hub reads: not read");
            }
            response.setEntity(new HttpEntityWrapper(entity) {
                @Override
                public InputStream getContent() throws IOException {
                    return new CappedStream(super.getContent(), maxBytes, deadline, scope.execRuntime::discardEndpoint);
                }
            });
            return response;
        }
    }

    /** An answer larger than the hub reads. */
    static final class ResponseTooLarge extends IOException {
        ResponseTooLarge(String message) {
            super(message);
        }
    }

    /**
     * Counts what is read; reaching its end or closing it stands the watchdog down. Closed before its end (a reader
     * that gave up: too large, too slow, unusable), it drops the connection instead of reading the rest to reuse it.
     */
    static final class CappedStream extends java.io.FilterInputStream {
        private final long maxBytes;
        private final ScheduledFuture<?> deadline;
        private final Runnable abort;
        private long read;
        private boolean ended;

        CappedStream(InputStream in, long maxBytes, ScheduledFuture<?> deadline, Runnable abort) {
            super(in);
            this.maxBytes = maxBytes;
            this.deadline = deadline;
            this.abort = abort;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(n);
            return n;
        }

        private void count(int n) throws IOException {
            if (n < 0) {
                ended = true;
                deadline.cancel(false);
                return;
            }
            read += n;
            if (read > maxBytes) {
                throw new ResponseTooLarge("the answer exceeds the " + maxBytes + " bytes the hub reads: cut off");
            }
        }

        @Override
        public void close() throws IOException {
            deadline.cancel(false);
            if (!ended) {
                abort.run();
                try {
                    super.close();
                } catch (IOException dropped) {
                    // the connection is gone, as meant
                }
                return;
            }
            super.close();
        }
    }
}
