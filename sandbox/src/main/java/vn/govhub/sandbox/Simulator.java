package vn.govhub.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An upstream system played on loopback by an embedded WireMock server. Subclasses declare their endpoints
 * in {@link #registerStubs()}; this class adds, for every endpoint, failure injection
 * ({@link #failNext(int, Fault)}) and a record of what was received ({@link #received()}).
 *
 * <p>A simulator can be stopped and started again (to play an upstream that goes away and comes back);
 * it then listens on the same port as before, keeps its state, its armed faults and its record.
 */
public abstract class Simulator implements AutoCloseable {

    /** Jetty needs a few threads for itself; ten leaves enough for the hub's concurrent calls. */
    private static final int CONTAINER_THREADS = 10;
    private static final int RECORD_CAPACITY = 10_000;
    private static final String LOOPBACK = "127.0.0.1";

    private final String name;
    private final int requestedPort;
    private final FaultRules faults = new FaultRules();
    private final RequestRecorder recorder = new RequestRecorder(RECORD_CAPACITY);
    private final Map<UUID, Responder> responders = new ConcurrentHashMap<>();
    private final SimulatorTransformer transformer = new SimulatorTransformer(responders, faults);

    private final Object lifecycle = new Object();
    private WireMockServer server; // guarded by lifecycle; null while stopped
    private WireMockServer registering; // guarded by lifecycle; set only during registerStubs()
    private volatile int boundPort;

    /**
     * @param name short name, used in logs and by {@link Sandbox#byName(String)}
     * @param port the port to listen on, 0 for a free one chosen at start
     */
    protected Simulator(String name, int port) {
        this.name = Objects.requireNonNull(name, "name");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        this.requestedPort = port;
    }

    /** Declares the endpoints, with {@link #stub(MappingBuilder)} and {@link #stub(MappingBuilder, Responder)}. */
    protected abstract void registerStubs();

    /** Puts the simulated system back to its initial content; called by {@link #reset()}. */
    protected void resetState() {
    }

    /** Starts listening; does nothing when already started. */
    public final void start() {
        synchronized (lifecycle) {
            if (server != null) {
                return;
            }
            WireMockServer created = new WireMockServer(configuration(boundPort != 0 ? boundPort : requestedPort));
            responders.clear();
            registering = created;
            try {
                registerStubs();
            } finally {
                registering = null;
            }
            created.start();
            boundPort = created.port();
            server = created;
        }
    }

    /** Stops listening; does nothing when already stopped. */
    public final void stop() {
        synchronized (lifecycle) {
            if (server != null) {
                server.stop();
                server = null;
            }
        }
    }

    @Override
    public final void close() {
        stop();
    }

    public final boolean isRunning() {
        synchronized (lifecycle) {
            return server != null && server.isRunning();
        }
    }

    public final String name() {
        return name;
    }

    /** The port this simulator listens on; known before start only when a fixed port was asked for. */
    public final int port() {
        int port = boundPort != 0 ? boundPort : requestedPort;
        if (port == 0) {
            throw new IllegalStateException(name + " simulator has no port yet: start it first");
        }
        return port;
    }

    /** For example {@code http://127.0.0.1:18081}, without a trailing slash. */
    public final String baseUrl() {
        return "http://" + LOOPBACK + ":" + port();
    }

    // ---- failure injection

    /** The next {@code times} requests, to any path, get the fault; then normal behaviour resumes. */
    public final void failNext(int times, Fault fault) {
        failNext("/", times, fault);
    }

    /** The next {@code times} requests whose path starts with {@code pathPrefix} get the fault. */
    public final void failNext(String pathPrefix, int times, Fault fault) {
        faults.next(pathPrefix, times, fault);
    }

    /** Every request gets the fault, until {@link #clearFaults()}. */
    public final void failAlways(Fault fault) {
        failAlways("/", fault);
    }

    /** Every request whose path starts with {@code pathPrefix} gets the fault, until {@link #clearFaults()}. */
    public final void failAlways(String pathPrefix, Fault fault) {
        faults.always(pathPrefix, fault);
    }

    public final void clearFaults() {
        faults.clear();
    }

    // ---- recording

    /** Every request received since the last reset, oldest first (at most the latest 10 000). */
    public final List<Received> received() {
        return recorder.snapshot();
    }

    /** The received requests whose path starts with {@code pathPrefix}, oldest first. */
    public final List<Received> received(String pathPrefix) {
        return recorder.snapshot().stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    public final void resetReceived() {
        recorder.clear();
    }

    /** Back to a clean simulator: initial content, no armed faults, nothing received. */
    public final void reset() {
        resetState();
        clearFaults();
        resetReceived();
    }

    // ---- for subclasses

    /** Registers a stub whose response is fixed in the mapping. */
    protected final StubMapping stub(MappingBuilder mapping) {
        return registeringServer().stubFor(mapping);
    }

    /** Registers a stub whose response the responder computes for each request. */
    protected final StubMapping stub(MappingBuilder mapping, Responder responder) {
        Objects.requireNonNull(responder, "responder");
        StubMapping stub = registeringServer().stubFor(mapping.willReturn(aResponse().withStatus(200)));
        responders.put(stub.getId(), responder);
        return stub;
    }

    private WireMockServer registeringServer() {
        synchronized (lifecycle) {
            if (registering == null) {
                throw new IllegalStateException("stubs are registered in registerStubs() only");
            }
            return registering;
        }
    }

    private WireMockConfiguration configuration(int port) {
        WireMockConfiguration options = options()
                .bindAddress(LOOPBACK)
                .containerThreads(CONTAINER_THREADS)
                .jettyAcceptors(1)
                // WireMock cannot inject connection faults into HTTP/2; the hub speaks HTTP/1.1 anyway
                .http2PlainDisabled(true)
                .http2TlsDisabled(true)
                // our own recorder is the journal; WireMock's would only double the memory
                .disableRequestJournal()
                .templatingEnabled(false)
                .stubCorsEnabled(false)
                .notifier(new QuietNotifier(name))
                .extensions(transformer, recorder);
        return port == 0 ? options.dynamicPort() : options.port(port);
    }

    static String pathOf(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public String toString() {
        return name + " simulator" + (boundPort != 0 ? " at " + baseUrl() : "");
    }
}
