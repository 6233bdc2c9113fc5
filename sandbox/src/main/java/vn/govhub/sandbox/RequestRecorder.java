package vn.govhub.sandbox;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps what a simulator received, in arrival order, before it is matched or answered — so a test that
 * has its response can already see its request. Bounded, so a long demo run does not grow without end.
 */
final class RequestRecorder implements ServeEventListener {

    private final int capacity;
    private final ArrayDeque<Received> received = new ArrayDeque<>();

    RequestRecorder(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
        record(serveEvent.getRequest());
    }

    void record(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        String url = request.getUrl();
        int q = url.indexOf('?');
        Received r = new Received(request.getMethod().getName(), Simulator.pathOf(url),
                q < 0 ? "" : url.substring(q + 1), headers, request.getBody(), Instant.now());
        synchronized (received) {
            if (received.size() == capacity) {
                received.removeFirst();
            }
            received.addLast(r);
        }
    }

    List<Received> snapshot() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    void clear() {
        synchronized (received) {
            received.clear();
        }
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public String getName() {
        return "govhub-recorder";
    }
}
