package vn.govhub.connectors.open311;

/**
 * The answer to {@code GET tokens/{token}.{fmt}}: the id of the request a token stands for.
 *
 * @param token            the token asked about
 * @param serviceRequestId the request's id; null while the request has no id yet
 */
public record TokenAnswer(String token, String serviceRequestId) {

    public TokenAnswer {
        Wire.required(token, "token");
        serviceRequestId = Wire.optional(serviceRequestId);
    }
}
