package vn.govhub.api;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Limits of every request body the hub reads ({@code govhub.inbound.*}), enforced while reading: a declared
 * {@code Content-Length} over the limit is refused before a byte is read (413), a body that keeps coming past its
 * limit is cut off (413), one still dripping in after its deadline is abandoned (408), and while the bodies being
 * read hold more than {@code in-flight} bytes, further ones wait their turn as 503 with {@code Retry-After}.
 *
 * @param maxBodyBytes      JSON bodies, forms and webhooks
 * @param maxUploadBytes    a raw file upload ({@code POST /api/v1/uploads}); each province's own
 *                          {@code dossiers.max-file-bytes} applies within it
 * @param maxMultipartBytes a whole multipart request (a dossier with its files, a report with its photos)
 * @param bodyDeadline      how long a JSON body, form or webhook may take to arrive
 * @param uploadDeadline    how long an upload or multipart request may take to arrive (slow mobile networks)
 * @param inFlight          bytes of request bodies the node holds at once, over all requests
 * @param trustedProxies    addresses or CIDR ranges of the reverse proxies / ingress whose {@code X-Forwarded-For}
 *                          names the real client; empty: the connection's address is the client
 */
@Validated
@ConfigurationProperties("govhub.inbound")
public record InboundProperties(
        @NotNull @DefaultValue("1MB") DataSize maxBodyBytes,
        @NotNull @DefaultValue("20MB") DataSize maxUploadBytes,
        @NotNull @DefaultValue("64MB") DataSize maxMultipartBytes,
        @NotNull @DefaultValue("30s") Duration bodyDeadline,
        @NotNull @DefaultValue("5m") Duration uploadDeadline,
        @NotNull @DefaultValue("128MB") DataSize inFlight,
        @NotNull @DefaultValue List<String> trustedProxies) {
}
