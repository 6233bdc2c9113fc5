package vn.govhub.upstream;

import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard judges the addresses a name resolves to, not the name: a friendly name pointing inside is refused. */
class OutboundGuardTest {

    /** A DNS that answers from a table (and never leaves the process). */
    private static DnsResolver dns(Map<String, String> table) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                String address = table.getOrDefault(host, host);
                return new InetAddress[] {InetAddress.getByName(address)};
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }

    private static final DnsResolver TABLE = dns(Map.of(
            "portal.tayninh.gov.vn", "203.113.1.10",
            "rebind.example.gov.vn", "10.0.0.5",
            "metadata.example.gov.vn", "169.254.169.254",
            "cgnat.example.gov.vn", "100.100.100.200",
            "v6local.example.gov.vn", "fd00::1",
            "mapped.example.gov.vn", "::ffff:127.0.0.1"));

    private final OutboundGuard guard = new OutboundGuard(List.of("*.example.gov.vn"), List.of(),
            () -> Set.of("portal.tayninh.gov.vn"), TABLE);

    @Test
    void configuredAndAllowedHostsOnPublicAddressesAreReached() throws Exception {
        assertThat(guard.resolve("portal.tayninh.gov.vn")[0].getHostAddress()).isEqualTo("203.113.1.10");
    }

    @Test
    void aHostNobodyAllowedIsRefusedBeforeAnyLookUp() {
        assertThatThrownBy(() -> guard.resolve("evil.example.com")).isInstanceOf(OutboundGuard.Refused.class)
                .hasMessageContaining("not allowed");
    }

    @Test
    void namesThatResolveInsideAreRefused() {
        for (String host : List.of("rebind.example.gov.vn", "metadata.example.gov.vn", "cgnat.example.gov.vn",
                "v6local.example.gov.vn", "mapped.example.gov.vn")) {
            assertThatThrownBy(() -> guard.resolve(host)).as(host).isInstanceOf(OutboundGuard.Refused.class)
                    .hasMessageContaining("internal address");
        }
    }

    @Test
    void addressLiteralsInsideAreRefusedToo() {
        OutboundGuard any = new OutboundGuard(List.of("*"), List.of(), Set::of, TABLE);
        for (String host : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "[::1]", "[fe80::1]")) {
            assertThatThrownBy(() -> any.resolve(host)).as(host).isInstanceOf(OutboundGuard.Refused.class);
        }
    }

    @Test
    void anAllowedNetworkMayBeReached() throws Exception {
        OutboundGuard lan = new OutboundGuard(List.of("*.example.gov.vn"), List.of("10.0.0.0/24"), Set::of, TABLE);
        assertThat(lan.resolve("rebind.example.gov.vn")[0].getHostAddress()).isEqualTo("10.0.0.5");
        assertThatThrownBy(() -> lan.resolve("metadata.example.gov.vn")).isInstanceOf(OutboundGuard.Refused.class);
    }
}
