package vn.govhub.cluster;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Cluster membership ({@code govhub.cluster.*}).
 *
 * @param name              Hazelcast cluster name: members join only a cluster of the same name
 * @param discovery         none (one process), tcp (member list) or kubernetes
 * @param members           host[:port] list for tcp discovery
 * @param port              the port this member listens on (auto-increments when taken)
 * @param kubernetesService the headless service that lists the hub pods (kubernetes discovery)
 * @param kubernetesNamespace namespace of that service; empty = the pod's own
 * @param failureDetectionSeconds how long a silent member is kept before the others take its work
 * @param leaderElection    false makes every node run every scheduled task: for tests and troubleshooting only
 */
@org.springframework.validation.annotation.Validated
@org.springframework.boot.context.properties.ConfigurationProperties("govhub.cluster")
public record ClusterProperties(
        @NotBlank @DefaultValue("govhub") String name,
        @NotNull @DefaultValue("none") Discovery discovery,
        @DefaultValue List<String> members,
        @Min(1) @Max(65535) @DefaultValue("5701") int port,
        @DefaultValue("") String kubernetesService,
        @DefaultValue("") String kubernetesNamespace,
        @Min(3) @Max(120) @DefaultValue("10") int failureDetectionSeconds,
        @DefaultValue("true") boolean leaderElection) {

    public enum Discovery { NONE, TCP, KUBERNETES }
}
