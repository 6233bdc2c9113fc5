package vn.govhub.demo;

import org.springframework.boot.builder.SpringApplicationBuilder;
import vn.govhub.GovhubApplication;

/**
 * The demo: the hub with the {@code demo} profile, every upstream (portal, national catalogue, Zalo, case system,
 * agency system) simulated on loopback ports in the same process. The production jar ({@code routes}) holds no
 * simulator; this one adds them.
 */
public final class GovhubDemo {

    private GovhubDemo() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(GovhubApplication.class).profiles("demo").run(args);
    }
}
