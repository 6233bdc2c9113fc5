package vn.govhub.connectors.open311;

/**
 * The answer to {@code POST requests.{fmt}}: the new request's id, or, when the request will only get its id later
 * (a batch service), a token the client exchanges for it with {@code GET tokens/{token}.{fmt}}.
 *
 * @param serviceRequestId the new request's id; null if only a token can be given yet
 * @param token            the token to follow up with; null when the id is given
 * @param serviceNotice    what is expected to happen next
 * @param accountId        the submitter's account id in the jurisdiction's system, if it has one
 */
public record RequestCreated(String serviceRequestId, String token, String serviceNotice, String accountId) {

    public RequestCreated {
        serviceRequestId = Wire.optional(serviceRequestId);
        token = Wire.optional(token);
        if ((serviceRequestId == null) == (token == null)) {
            throw new IllegalArgumentException("give either service_request_id or token");
        }
        serviceNotice = Wire.optional(serviceNotice);
        accountId = Wire.optional(accountId);
    }

    public static RequestCreated withId(String serviceRequestId, String serviceNotice) {
        return new RequestCreated(serviceRequestId, null, serviceNotice, null);
    }

    public static RequestCreated withToken(String token, String serviceNotice) {
        return new RequestCreated(null, token, serviceNotice, null);
    }
}
