package vn.govhub.access;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.govhub.GovhubApplication;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the demo profile, missing, short and demo-valued secrets stop start-up, each named on its own line. */
class SecretsCheckTest {

    private static final String KEY = Base64.getEncoder().encodeToString("k".repeat(32).getBytes());

    private static SpringApplication app() {
        return new SpringApplicationBuilder(GovhubApplication.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=OFF").build();
    }

    private static String[] args(String... extra) {
        List<String> args = new ArrayList<>(List.of("--govhub.security.check-secrets=true", "--govhub.cluster.port=" + vn.govhub.testing.FreePorts.next()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void missingAndDemoValuedSecretsAreEachNamed() {
        assertThatThrownBy(() -> app().run(args("--govhub.admin.agents[0].name=p1", "--govhub.admin.agents[0].token=demo-officer-token",
                "--govhub.admin.metrics-token=short")))
                .satisfies(failure -> {
                    Throwable cause = failure;
                    while (!(cause instanceof SecretsCheck.InsecureSecretsException) && cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).isInstanceOf(SecretsCheck.InsecureSecretsException.class);
                    assertThat(cause.getMessage().lines()).anyMatch(l -> l.contains("govhub.admin.token (GOVHUB_ADMIN_TOKEN): missing"))
                            .anyMatch(l -> l.contains("govhub.admin.agents[0].token (officer p1): the demo's value"))
                            .anyMatch(l -> l.contains("govhub.admin.metrics-token: shorter than 24"))
                            .anyMatch(l -> l.contains("govhub.security.data-key (GOVHUB_SECURITY_DATA_KEY): missing"));
                });
    }

    @Test
    void theDemosDataKeyIsRefusedToo() {
        assertThatThrownBy(() -> app().run(args("--govhub.admin.token=" + "t".repeat(32),
                "--govhub.security.data-key=ZGVtby1vbmx5LWtleS1kby1ub3QtdXNlLWluLXByb2Q=")))
                .hasStackTraceContaining("govhub.security.data-key (GOVHUB_SECURITY_DATA_KEY): the demo's value");
    }

    @Test
    void realSecretsStart() {
        try (ConfigurableApplicationContext context = app().run(args("--govhub.admin.token=" + "t".repeat(32),
                "--govhub.security.data-key=" + KEY))) {
            assertThat(context.isRunning()).isTrue();
        }
    }
}
