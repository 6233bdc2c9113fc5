package vn.govhub.upstream;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.Set;

/**
 * Where the hub may fetch from when the address comes from data it does not control (form links of the national
 * catalogue, links in feeds, redirects of any of them): a host named by the configuration (a news source, a
 * catalogue) or allowed by {@code govhub.http.allowed-hosts}, and, whatever the name, never an address inside the
 * hub's own networks — loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, unique
 * local or multicast — unless {@code govhub.http.allowed-networks} names it. Checked on the resolved addresses, for
 * every connection, so a redirect or a DNS answer that points inside is refused like a direct link.
 */
public final class OutboundGuard implements DnsResolver {

    /** Refused by the guard: the message says which rule. */
    public static final class Refused extends UnknownHostException {
        Refused(String message) {
            super(message);
        }
    }

    private static final List<IpAddressMatcher> INSIDE = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
                    "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4",
                    "240.0.0.0/4", "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8")
            .stream().map(IpAddressMatcher::new).toList();

    private final List<String> allowedHosts;
    private final List<IpAddressMatcher> allowedNetworks;
    private final Supplier<Set<String>> configuredHosts;
    private final DnsResolver dns;

    public OutboundGuard(List<String> allowedHosts, List<String> allowedNetworks, Supplier<Set<String>> configuredHosts) {
        this(allowedHosts, allowedNetworks, configuredHosts, SystemDefaultDnsResolver.INSTANCE);
    }

    OutboundGuard(List<String> allowedHosts, List<String> allowedNetworks, Supplier<Set<String>> configuredHosts, DnsResolver dns) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        this.allowedNetworks = allowedNetworks.stream().map(String::strip).filter(n -> !n.isEmpty()).map(IpAddressMatcher::new).toList();
        this.configuredHosts = configuredHosts;
        this.dns = dns;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (!hostAllowed(name)) {
            throw new Refused("host " + host + " is not allowed (govhub.http.allowed-hosts)");
        }
        InetAddress[] addresses = dns.resolve(name);
        for (InetAddress address : addresses) {
            if (inside(address) && !networkAllowed(address)) {
                throw new Refused("host " + host + " resolves to " + address.getHostAddress()
                        + ", an internal address (loopback, private, link-local or metadata): refused");
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return dns.resolveCanonicalHostname(host);
    }

    boolean hostAllowed(String host) {
        if (configuredHosts.get().contains(host)) {
            return true;
        }
        for (String pattern : allowedHosts) {
            if (pattern.equals("*") || pattern.equals(host) || pattern.startsWith("*.") && host.endsWith(pattern.substring(1))) {
                return true;
            }
        }
        return false;
    }

    static boolean inside(InetAddress address) {
        InetAddress plain = address;
        if (address instanceof Inet6Address v6 && v6.getAddress()[10] == (byte) 0xFF && v6.getAddress()[11] == (byte) 0xFF
                && isZero(v6.getAddress(), 10)) {
            try { // an IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 one
                plain = InetAddress.getByAddress(java.util.Arrays.copyOfRange(v6.getAddress(), 12, 16));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        String text = plain.getHostAddress();
        for (IpAddressMatcher range : INSIDE) {
            if (matches(range, text)) {
                return true;
            }
        }
        return false;
    }

    private boolean networkAllowed(InetAddress address) {
        String text = address.getHostAddress();
        return allowedNetworks.stream().anyMatch(n -> matches(n, text));
    }

    private static boolean matches(IpAddressMatcher matcher, String address) {
        try {
            return matcher.matches(address);
        } catch (IllegalArgumentException other) {
            return false;
        }
    }

    private static boolean isZero(byte[] bytes, int upTo) {
        for (int i = 0; i < upTo; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
