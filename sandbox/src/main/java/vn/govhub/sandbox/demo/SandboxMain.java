package vn.govhub.sandbox.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar sandbox/target/govhub-sandbox.jar [--hub=http://127.0.0.1:8080]}: every upstream of the demo
 * province on its demo port (18081–18085), for one or several hubs started with
 * {@code --govhub.sandbox.embedded=false}. Once the hub named by {@code --hub} answers, the upstreams call it back.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws Exception {
        URI hub = URI.create(option(args, "hub", "http://127.0.0.1:8080"));
        DemoUpstreams upstreams = DemoUpstreams.start(new DemoUpstreams.Ports(port(args, "portal", 18081), port(args, "tthc", 18082),
                port(args, "zalo", 18083), port(args, "cases", 18084), port(args, "agency", 18085),
                Integer.parseInt(option(args, "procedures", "2000"))));
        Runtime.getRuntime().addShutdownHook(new Thread(upstreams::close));
        System.out.println("govhub sandbox: portal :" + upstreams.portal().port() + ", TTHC :" + upstreams.tthc().port() + ", Zalo :"
                + upstreams.zalo().port() + ", case system :" + upstreams.cases().port() + ", agency :" + upstreams.agency().port()
                + "; calling back " + hub);
        awaitReady(hub);
        upstreams.connect(new DemoUpstreams.Hub(hub, option(args, "cases-callback-secret", "demo-callback-secret"),
                option(args, "agency-callback-secret", "demo-agency-callback-secret"), Duration.parse(option(args, "cases-advance-every", "PT20S")),
                Duration.parse(option(args, "agency-answer-every", "PT15S"))));
        System.out.println("govhub sandbox: connected to " + hub);
        new CountDownLatch(1).await();
    }

    /** Waits (without end: the sandbox is started first) until the hub says it is ready. */
    private static void awaitReady(URI hub) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(hub.resolve("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
        while (true) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the hub is not listening yet
            }
            Thread.sleep(1_000);
        }
    }

    private static int port(String[] args, String name, int fallback) {
        return Integer.parseInt(option(args, name + "-port", String.valueOf(fallback)));
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
