package vn.govhub.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    /** A minimal upstream: a fixed greeting, a counter computed per request, and an echo. */
    static final class HelloSimulator extends Simulator {
        final AtomicInteger hits = new AtomicInteger();

        HelloSimulator() {
            this(0);
        }

        HelloSimulator(int port) {
            super("hello", port);
        }

        @Override
        protected void registerStubs() {
            stub(get(urlPathEqualTo("/hello")).willReturn(aResponse()
                    .withHeader("Content-Type", "text/plain; charset=UTF-8").withBody("xin chào")));
            stub(get(urlPathEqualTo("/count")), request -> ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(200).withBody(Integer.toString(hits.incrementAndGet())).build());
            stub(post(urlPathEqualTo("/echo")).willReturn(aResponse().withStatus(202)));
        }

        @Override
        protected void resetState() {
            hits.set(0);
        }
    }

    static final HelloSimulator sim = new HelloSimulator();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startSimulator() {
        sim.start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void cleanSimulator() {
        sim.reset();
    }

    HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * The JDK client silently retries an idempotent request once when the connection closes before any
     * response byte, which would hide a one-shot connection fault; it does not retry a POST.
     */
    HttpResponse<String> sendPost(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void listensOnLoopbackAtARandomPort() {
        assertThat(sim.port()).isPositive();
        assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + sim.port());
        assertThat(sim.name()).isEqualTo("hello");
        assertThat(sim.isRunning()).isTrue();
    }

    @Test
    void startIsIdempotent() {
        int port = sim.port();
        sim.start();
        assertThat(sim.port()).isEqualTo(port);
    }

    @Test
    void dynamicResponderSeesCurrentState() throws Exception {
        assertThat(send("/count").body()).isEqualTo("1");
        assertThat(send("/count").body()).isEqualTo("2");
        sim.reset();
        assertThat(send("/count").body()).isEqualTo("1");
    }

    @Test
    void failNextFailsExactlyThatManyRequestsThenRecovers() throws Exception {
        sim.failNext(2, Fault.status(503));

        assertThat(send("/hello").statusCode()).isEqualTo(503);
        assertThat(send("/hello").statusCode()).isEqualTo(503);
        HttpResponse<String> third = send("/hello");
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(third.body()).isEqualTo("xin chào");
    }

    @Test
    void failNextUnderConcurrencyFailsExactlyThatManyRequests() throws Exception {
        sim.failNext(5, Fault.status(500));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Callable<Integer> call = () -> send("/hello").statusCode();
                results.add(pool.submit(call));
            }
            int failures = 0;
            for (Future<Integer> f : results) {
                failures += f.get() == 500 ? 1 : 0;
            }
            assertThat(failures).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void countedFaultsAreConsumedInTheOrderTheyWereArmed() throws Exception {
        sim.failNext(1, Fault.status(500));
        sim.failNext(1, Fault.status(429, "chậm lại"));

        assertThat(send("/hello").statusCode()).isEqualTo(500);
        HttpResponse<String> second = send("/hello");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.body()).isEqualTo("chậm lại");
        assertThat(send("/hello").statusCode()).isEqualTo(200);
    }

    @Test
    void faultScopedToAPathPrefixSparesOtherPaths() throws Exception {
        sim.failNext("/count", 1, Fault.status(503));

        assertThat(send("/hello").statusCode()).isEqualTo(200);
        assertThat(send("/count").statusCode()).isEqualTo(503);
        assertThat(send("/count").statusCode()).isEqualTo(200);
    }

    @Test
    void faultDoesNotRunTheResponderItReplaces() throws Exception {
        sim.failNext(1, Fault.status(503));
        send("/count");
        assertThat(send("/count").body()).isEqualTo("1");
    }

    @Test
    void failAlwaysHoldsUntilCleared() throws Exception {
        sim.failAlways(Fault.status(502));
        for (int i = 0; i < 3; i++) {
            assertThat(send("/hello").statusCode()).isEqualTo(502);
        }
        sim.clearFaults();
        assertThat(send("/hello").statusCode()).isEqualTo(200);
    }

    @Test
    void faultsApplyToUnstubbedPathsToo() throws Exception {
        assertThat(send("/nowhere").statusCode()).isEqualTo(404);
        sim.failNext(1, Fault.status(503));
        assertThat(send("/nowhere").statusCode()).isEqualTo(503);
    }

    @Test
    void delayFaultAnswersNormallyAfterTheDelay() throws Exception {
        sim.failNext(1, Fault.delay(Duration.ofMillis(400)));

        long start = System.nanoTime();
        HttpResponse<String> response = send("/hello");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("xin chào");
        assertThat(elapsedMs).isGreaterThanOrEqualTo(400);
    }

    @Test
    void delayFaultTripsAClientReadTimeout() {
        sim.failNext(1, Fault.delay(Duration.ofMillis(1500)));

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/hello"))
                .timeout(Duration.ofMillis(200)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void connectionResetFaultBreaksTheExchange() throws Exception {
        sim.failNext(1, Fault.connectionReset());

        assertThatThrownBy(() -> sendPost("/echo")).isInstanceOf(IOException.class);
        assertThat(sendPost("/echo").statusCode()).isEqualTo(202);
        assertThat(sim.received()).hasSize(2);
    }

    @Test
    void emptyResponseFaultClosesWithoutAnswer() throws Exception {
        sim.failNext(1, Fault.emptyResponse());

        assertThatThrownBy(() -> sendPost("/echo")).isInstanceOf(IOException.class);
        assertThat(sendPost("/echo").statusCode()).isEqualTo(202);
    }

    @Test
    void malformedFaultServesTheGivenBodyAndType() throws Exception {
        sim.failNext(1, Fault.malformed("<rss><channel><item>", "application/rss+xml"));

        HttpResponse<String> response = send("/hello");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/rss+xml");
        assertThat(response.body()).isEqualTo("<rss><channel><item>");
    }

    @Test
    void dripFaultDeliversTheWholeBodySlowly() throws Exception {
        sim.failNext(1, Fault.drip(Duration.ofMillis(300), 3));

        long start = System.nanoTime();
        HttpResponse<String> response = send("/hello");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.body()).isEqualTo("xin chào");
        assertThat(elapsedMs).isGreaterThanOrEqualTo(200);
    }

    @Test
    void recordsMethodPathQueryHeadersAndBodyInArrivalOrder() throws Exception {
        send("/hello?lang=vi&page=2");
        http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/echo"))
                .header("X-Request-Id", "abc-123")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ten\":\"Nguyễn Văn A\"}")).build(),
                HttpResponse.BodyHandlers.discarding());

        List<Received> all = sim.received();
        assertThat(all).hasSize(2);
        Received first = all.get(0);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.path()).isEqualTo("/hello");
        assertThat(first.query()).isEqualTo("lang=vi&page=2");
        Received second = all.get(1);
        assertThat(second.method()).isEqualTo("POST");
        assertThat(second.path()).isEqualTo("/echo");
        assertThat(second.query()).isEmpty();
        assertThat(second.header("x-request-id")).hasValue("abc-123");
        assertThat(second.headers().get("X-REQUEST-ID")).containsExactly("abc-123");
        assertThat(second.bodyAsString()).isEqualTo("{\"ten\":\"Nguyễn Văn A\"}");
        assertThat(second.receivedAt()).isAfterOrEqualTo(first.receivedAt());
        assertThat(sim.received("/echo")).containsExactly(second);
    }

    @Test
    void recordsFaultedAndUnmatchedRequestsToo() throws Exception {
        sim.failNext(1, Fault.status(503));
        send("/hello");
        send("/nowhere");
        assertThat(sim.received()).extracting(Received::path).containsExactly("/hello", "/nowhere");
    }

    @Test
    void resetReceivedForgetsWhatWasReceived() throws Exception {
        send("/hello");
        sim.resetReceived();
        assertThat(sim.received()).isEmpty();
    }

    @Test
    void receivedSnapshotIsImmutable() throws Exception {
        send("/hello");
        List<Received> snapshot = sim.received();
        assertThatThrownBy(() -> snapshot.clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void stoppedSimulatorRefusesConnectionsAndRestartsOnTheSamePort() throws Exception {
        HelloSimulator other = new HelloSimulator();
        try (Sandbox sandbox = Sandbox.start(other)) {
            int port = other.port();
            assertThat(sandbox.get(HelloSimulator.class)).isSameAs(other);
            other.stop();
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(other.baseUrl() + "/hello"))
                    .build(), HttpResponse.BodyHandlers.discarding())).isInstanceOf(ConnectException.class);
            other.start();
            assertThat(other.port()).isEqualTo(port);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(other.baseUrl() + "/hello")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        assertThat(other.isRunning()).isFalse();
    }

    @Test
    void sandboxThatCannotStartEverySimulatorStopsTheOnesItStarted() {
        HelloSimulator first = new HelloSimulator();
        HelloSimulator clash = new HelloSimulator(sim.port());

        assertThatThrownBy(() -> Sandbox.start(first, clash)).isInstanceOf(RuntimeException.class);

        assertThat(first.isRunning()).isFalse();
        assertThat(clash.isRunning()).isFalse();
    }

    @Test
    void sandboxFindsSimulatorsByTypeAndName() {
        HelloSimulator hello = new HelloSimulator();
        try (Sandbox sandbox = Sandbox.start(hello)) {
            assertThat(sandbox.get(HelloSimulator.class)).isSameAs(hello);
            assertThat(sandbox.byName("hello")).containsSame(hello);
            assertThat(sandbox.byName("zalo")).isEmpty();
            assertThat(sandbox.simulators()).containsExactly(hello);
        }
        assertThat(hello.isRunning()).isFalse();
    }

    @Test
    void portIsUnknownBeforeARandomPortSimulatorStarts() {
        assertThatThrownBy(() -> new HelloSimulator().baseUrl()).isInstanceOf(IllegalStateException.class);
        assertThat(new HelloSimulator(18099).baseUrl()).isEqualTo("http://127.0.0.1:18099");
    }
}
