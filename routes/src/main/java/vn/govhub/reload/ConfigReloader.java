package vn.govhub.reload;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.govhub.config.ConfigurationFileException;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;

import java.util.List;
import java.util.UUID;

/**
 * Reloads the province files while the hub runs (promise 7): on an operator's request (then on every node: the request
 * goes out on a Hazelcast topic, {@link ConfigRoutes}) and when a node sees its files changed (a Kubernetes ConfigMap update reaches each pod's mount).
 * A file that fails validation is reported in one line naming the file, the key and the reason, and the running
 * configuration stays. After a reload the {@link Listener}s adjust what was built from the old configuration (the
 * news pollers); everything else reads the provinces afresh on each use.
 */
@Component
public class ConfigReloader {

    /** Something built from the configuration that must follow a reload. */
    public interface Listener {
        void reloaded(ProvinceRegistry.Snapshot snapshot);
    }

    /** The outcome of a reload on this node. */
    public record Outcome(boolean applied, String hash, List<String> provinces, String error) {
    }

    private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);
    private final ProvinceRegistry registry;
    private final List<Listener> listeners;
    private final ProducerTemplate camel;
    private final String node = UUID.randomUUID().toString();

    public ConfigReloader(ProvinceRegistry registry, List<Listener> listeners, ProducerTemplate camel) {
        this.registry = registry;
        this.listeners = listeners;
        this.camel = camel;
    }

    /** Reloads here and asks every other node to reload its own files. */
    public Outcome reloadEverywhere() {
        Outcome outcome = reloadHere("requested by an operator");
        if (outcome.applied()) {
            camel.sendBody(ConfigRoutes.ASK_EVERY_NODE, node);
        }
        return outcome;
    }

    /** A reload request that came over the topic: applied unless this node sent it. */
    public void requested(String fromNode) {
        if (!node.equals(fromNode)) {
            reloadHere("requested on another node");
        }
    }

    /** The leader-free check every node runs: reload when its files changed. */
    public void reloadIfChanged() {
        if (registry.changedOnDisk()) {
            reloadHere("files changed");
        }
    }

    public synchronized Outcome reloadHere(String why) {
        ProvinceRegistry.Snapshot before = registry.snapshot();
        ProvinceRegistry.Snapshot after;
        try {
            after = registry.reload();
        } catch (ConfigurationFileException e) {
            log.error("Configuration reload ({}) refused, the running configuration stays: {}", why, e.getMessage());
            return new Outcome(false, before.hash(), ids(before), e.getMessage());
        }
        for (Listener listener : listeners) {
            try {
                listener.reloaded(after);
            } catch (RuntimeException e) {
                log.error("Configuration reload ({}): {} could not follow it: {}", why, listener.getClass().getSimpleName(), e.getMessage(), e);
            }
        }
        log.info("Configuration reloaded ({}): {} province(s), hash {} → {}", why, after.provinces().size(),
                before.hash().substring(0, 12), after.hash().substring(0, 12));
        return new Outcome(true, after.hash(), ids(after), null);
    }

    private static List<String> ids(ProvinceRegistry.Snapshot snapshot) {
        return snapshot.provinces().stream().map(ProvinceProperties::id).toList();
    }
}
