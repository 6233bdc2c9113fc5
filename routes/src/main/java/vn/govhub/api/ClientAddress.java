package vn.govhub.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The client's address: the connection's, unless the connection comes from a configured proxy, in which case the
 * nearest address in {@code X-Forwarded-For} that is not itself a trusted proxy (reading from the right, as each
 * proxy appends what it saw). A header from anyone else is ignored, so a client cannot choose its own address.
 */
final class ClientAddress {

    /** IP literals only: an entry that is not one (a name, garbage) stops the walk and is never resolved. */
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<IpAddressMatcher> trusted;

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(IpAddressMatcher::new).toList();
    }

    String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (trusted.isEmpty() || !trusted(remote)) {
            return remote;
        }
        String client = remote;
        List<String> hops = request.getHeaders("X-Forwarded-For") == null ? List.of()
                : java.util.Collections.list(request.getHeaders("X-Forwarded-For"));
        for (int h = hops.size() - 1; h >= 0; h--) {
            String[] entries = hops.get(h).split(",");
            for (int i = entries.length - 1; i >= 0; i--) {
                String entry = entries[i].strip();
                if (!IP.matcher(entry).matches()) {
                    return client;
                }
                client = entry;
                if (!trusted(entry)) {
                    return entry;
                }
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        for (IpAddressMatcher matcher : trusted) {
            try {
                if (matcher.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }
}
