package vn.govhub.reload;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.govhub.platform.schedule.ScheduledTasks;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

/**
 * The cluster-wide reload as a route: a request published on one member's topic reaches this node's
 * {@code config-reload-requests} route through camel-hazelcast and asks the reloader to reload, with the sender's
 * node id (the reloader ignores its own). Two real Hazelcast members on loopback; nothing else of the hub.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ConfigRoutesTest.Setup.class)
class ConfigRoutesTest {

    private static final String CLUSTER = "config-routes-test-" + UUID.randomUUID();
    private static final HazelcastInstance THIS_NODE = member(15801);
    private static final HazelcastInstance OTHER_NODE = member(15802);

    private static HazelcastInstance member(int port) {
        Config config = new Config().setClusterName(CLUSTER);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(true).getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        var join = config.getNetworkConfig().getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:15801").addMember("127.0.0.1:15802");
        return Hazelcast.newHazelcastInstance(config);
    }

    @AfterAll
    static void stop() {
        OTHER_NODE.shutdown();
        THIS_NODE.shutdown();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(CamelAutoConfiguration.class)
    @Import(ConfigRoutes.class)
    static class Setup {
        @Bean
        HazelcastInstance hazelcastInstance() {
            return THIS_NODE;
        }
    }

    @MockitoBean(name = "configReloader")
    ConfigReloader reloader;

    @MockitoBean
    ScheduledTasks tasks;

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Test
    void aRequestPublishedOnAnotherMemberReachesTheReloaderHere() {
        assertThat(THIS_NODE.getCluster().getMembers()).hasSize(2);
        NotifyBuilder heard = new NotifyBuilder(camel).fromRoute("config-reload-requests").whenDone(1).create();

        OTHER_NODE.getTopic("govhub-config-reload").publish("node-b");

        assertThat(heard.matches(10, TimeUnit.SECONDS)).isTrue();
        verify(reloader).requested("node-b");
    }

    @Test
    void aRequestOfThisNodeGoesOutOnTheTopic() {
        NotifyBuilder heard = new NotifyBuilder(camel).fromRoute("config-reload-requests").whenDone(1).create();

        producer.sendBody(ConfigRoutes.ASK_EVERY_NODE, "node-a");

        assertThat(heard.matches(10, TimeUnit.SECONDS)).isTrue();
        verify(reloader, timeout(1000)).requested("node-a"); // and the reloader, seeing its own id, does nothing
    }
}
