package vn.govhub.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one Hazelcast member of this process. Spring Boot builds the {@code HazelcastInstance} from this
 * {@link Config}; every component takes that bean and none starts a member of its own.
 */
@Configuration(proxyBeanMethods = false)
class HazelcastSetup {

    @Bean
    Config hazelcastConfig(ClusterProperties cluster) {
        Config config = new Config();
        config.setClusterName(cluster.name());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // Spring closes the member in order; the JVM hook would race it.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(cluster.failureDetectionSeconds()));
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        // A lone member should start at once, not wait for a join that cannot come.
        config.setProperty("hazelcast.wait.seconds.before.join", "0");

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(true);
        JoinConfig join = network.getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(false);
        switch (cluster.discovery()) {
            case NONE -> loopbackOnly(config);
            case TCP -> {
                join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
                if (cluster.members().stream().allMatch(m -> m.startsWith("127.") || m.startsWith("localhost"))) {
                    loopbackOnly(config);
                }
            }
            case KUBERNETES -> {
                join.getKubernetesConfig().setEnabled(true)
                        .setProperty("service-name", cluster.kubernetesService());
                if (!cluster.kubernetesNamespace().isBlank()) {
                    join.getKubernetesConfig().setProperty("namespace", cluster.kubernetesNamespace());
                }
            }
        }
        // the Zalo rate limit's next free slot per OA: forgotten when unused for a while
        config.addMapConfig(new com.hazelcast.config.MapConfig("govhub-zalo-rate").setMaxIdleSeconds(600));
        return config;
    }

    /** A member that talks to no other host listens on loopback only. */
    private static void loopbackOnly(Config config) {
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    }
}
