package vn.govhub.platform.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.govhub.cluster.Leadership;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

/**
 * The one route template every scheduled task runs on, tested as a route with Camel's test kit and nothing else of the
 * hub: the step runs on its trigger, a leader-only task runs only where this node leads it, an override from
 * {@code govhub.schedule.<task>.*} wins over the flow's default, and a failing step is handled by the task-errors
 * configuration (counted, the task keeps its schedule). The steps are replaced with AdviceWith.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = ScheduledTasksRouteTest.Setup.class, properties = {
        "govhub.schedule.probe-overridden.every=20ms",
        "govhub.schedule.probe-off.every=0s"})
class ScheduledTasksRouteTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(CamelAutoConfiguration.class)
    @EnableConfigurationProperties(ScheduleProperties.class)
    @Import({ScheduledTasks.class, TaskErrors.class})
    static class Setup {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        /** A flow's route class as the flows write them: tasks with their defaults. */
        @Bean
        RouteBuilder probeRoutes(ScheduledTasks tasks) {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    tasks.schedule(this, Task.every("probe-every", Duration.ofMillis(20)).after(Duration.ZERO).sends("direct:every-step"));
                    tasks.schedule(this, Task.every("probe-follower", Duration.ofMillis(20)).after(Duration.ZERO).onLeader()
                            .sends("direct:follower-step"));
                    tasks.schedule(this, Task.every("probe-failing", Duration.ofMillis(20)).after(Duration.ZERO).sends("direct:failing-step"));
                    tasks.schedule(this, Task.every("probe-overridden", Duration.ofHours(1)).after(Duration.ZERO).sends("direct:overridden-step"));
                    tasks.schedule(this, Task.every("probe-off", Duration.ofMillis(20)).sends("direct:off-step"));
                    tasks.schedule(this, Task.every("probe-method", Duration.ofMillis(20)).after(Duration.ZERO).runs(METHOD_RUNS::incrementAndGet));
                    from("direct:every-step").log("never reached: replaced by the test");
                    from("direct:follower-step").log("never reached: replaced by the test");
                    from("direct:failing-step").log("never reached: replaced by the test");
                    from("direct:overridden-step").log("never reached: replaced by the test");
                    from("direct:off-step").log("never reached: replaced by the test");
                }
            };
        }
    }

    /** Counts the runs of a task whose step is a method of the flow's ({@code Task.runs}). */
    static final java.util.concurrent.atomic.AtomicInteger METHOD_RUNS = new java.util.concurrent.atomic.AtomicInteger();

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry meters;

    @MockitoBean(name = "leadership")
    Leadership leadership;

    @Test
    void stepsRunOnTheirTriggerLeadersOnlyWhereTheyLeadAndFailuresAreHandledAndCounted() throws Exception {
        when(leadership.mayRun(anyString(), eq(false))).thenReturn(true);
        when(leadership.mayRun(eq("probe-follower"), eq(true))).thenReturn(false); // another node leads it
        AdviceWith.adviceWith(camel, "probe-every", a -> a.weaveById("task-step").replace().to("mock:every"));
        AdviceWith.adviceWith(camel, "probe-follower", a -> a.weaveById("task-step").replace().to("mock:follower"));
        AdviceWith.adviceWith(camel, "probe-failing", a -> a.weaveById("task-step").replace()
                .throwException(new IllegalStateException("upstream said no")));
        AdviceWith.adviceWith(camel, "probe-overridden", a -> a.weaveById("task-step").replace().to("mock:overridden"));
        MockEndpoint every = camel.getEndpoint("mock:every", MockEndpoint.class);
        MockEndpoint follower = camel.getEndpoint("mock:follower", MockEndpoint.class);
        MockEndpoint overridden = camel.getEndpoint("mock:overridden", MockEndpoint.class);
        every.expectedMinimumMessageCount(3);
        overridden.expectedMinimumMessageCount(3); // every 20 ms by the override, not every hour
        NotifyBuilder followerTicks = new NotifyBuilder(camel).fromRoute("probe-follower").whenDone(3).create();
        NotifyBuilder failures = new NotifyBuilder(camel).fromRoute("probe-failing").whenDone(3).create();
        NotifyBuilder methodRuns = new NotifyBuilder(camel).fromRoute("probe-method").whenDone(3).create();

        camel.start();

        assertThat(failures.matches(10, TimeUnit.SECONDS)).as("the failing task keeps its schedule").isTrue();
        assertThat(followerTicks.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(methodRuns.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(METHOD_RUNS.get()).isGreaterThanOrEqualTo(3);
        MockEndpoint.assertIsSatisfied(camel, 10, TimeUnit.SECONDS);
        assertThat(follower.getReceivedCounter()).as("ticks of a task another node leads do nothing here").isZero();
        assertThat(meters.counter("govhub.task.failures", "task", "probe-failing").count()).isGreaterThanOrEqualTo(3);
        assertThat(camel.getRouteController().getRouteStatus("probe-failing")).isEqualTo(ServiceStatus.Started);
        assertThat(camel.getRoute("probe-off")).as("an interval of 0 switches a task off").isNull();
    }
}
