package vn.govhub.api;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    private static MockHttpServletRequest from(String remote, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        for (String hop : forwardedFor) {
            request.addHeader("X-Forwarded-For", hop);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(new ClientAddress(List.of()).of(from("198.51.100.9", "203.0.113.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void aHeaderFromAnUntrustedPeerIsIgnored() {
        assertThat(new ClientAddress(List.of("10.0.0.0/8")).of(from("198.51.100.9", "203.0.113.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void theNearestUntrustedHopIsTheClient() {
        ClientAddress clients = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.5"));
        assertThat(clients.of(from("10.1.2.3", "203.0.113.7"))).isEqualTo("203.0.113.7");
        // what the client wrote itself (left) is not believed; the proxies' own hops (right) are skipped
        assertThat(clients.of(from("10.1.2.3", "1.2.3.4, 203.0.113.7, 192.168.1.5"))).isEqualTo("203.0.113.7");
        assertThat(clients.of(from("10.1.2.3", "1.2.3.4, 203.0.113.7", "10.9.9.9"))).isEqualTo("203.0.113.7");
        assertThat(clients.of(from("10.1.2.3", "2001:db8::1"))).isEqualTo("2001:db8::1");
    }

    @Test
    void garbageOrNamesStopTheWalkAndAreNeverResolved() {
        ClientAddress clients = new ClientAddress(List.of("10.0.0.0/8"));
        assertThat(clients.of(from("10.1.2.3", "evil.example.com, 10.2.2.2"))).isEqualTo("10.2.2.2");
        assertThat(clients.of(from("10.1.2.3", "<script>"))).isEqualTo("10.1.2.3");
        assertThat(clients.of(from("10.1.2.3"))).isEqualTo("10.1.2.3");
    }
}
