package vn.govhub.connectors.agency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import vn.govhub.connectors.cases.CallbackSignature;

/**
 * The callback an agency POSTs to {@code /webhooks/agencies/{agency}} when a feedback moves:
 * <pre>
 * {"feedbackId":"…","ticketId":"…","state":7,"note":"…","handler":"…","at":"2026-11-28T09:30:00+07:00","transferTo":"…"}
 * </pre>
 * or an array of such objects. {@code feedbackId} and {@code state} (PAKN 1..10, number or numeric string) are
 * required; {@code at} is ISO-8601 with an offset. It is signed like the case systems' callbacks — headers
 * {@value CallbackSignature#TIMESTAMP_HEADER} and {@value CallbackSignature#SIGNATURE_HEADER}, see
 * {@link CallbackSignature} — with the agency's own secret; verify before parsing.
 */
public final class AgencyCallback {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AgencyCallback() {
    }

    /** The updates in a callback body; {@link AgencySystemException.Permanent} naming the problem if unreadable. */
    public static List<AgencyUpdate> parseCallback(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            throw unreadable("callback is not JSON", e);
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw unreadable("callback is neither an object nor an array", null);
        }
        List<AgencyUpdate> updates = new ArrayList<>();
        for (JsonNode item : root.isArray() ? root : List.of(root)) {
            updates.add(update(item, updates.size()));
        }
        if (updates.isEmpty()) {
            throw unreadable("callback holds no update", null);
        }
        return updates;
    }

    private static AgencyUpdate update(JsonNode item, int index) {
        String where = "callback item " + index;
        if (!item.isObject()) {
            throw unreadable(where + " is not an object", null);
        }
        String feedbackId = text(item, "feedbackId");
        if (feedbackId == null || feedbackId.isBlank()) {
            throw unreadable(where + " has no feedbackId", null);
        }
        JsonNode stateNode = item.get("state");
        int state;
        if (stateNode != null && stateNode.isIntegralNumber()) {
            state = stateNode.asInt();
        } else if (stateNode != null && stateNode.isTextual() && stateNode.asText().trim().matches("\\d{1,2}")) {
            state = Integer.parseInt(stateNode.asText().trim());
        } else {
            throw unreadable(where + " has no numeric state", null);
        }
        if (state < AgencyUpdate.CREATED || state > AgencyUpdate.RESOLVED) {
            throw unreadable(where + " has state " + state + ", not a PAKN state 1..10", null);
        }
        Instant at = null;
        String atText = text(item, "at");
        if (atText != null && !atText.isBlank()) {
            try {
                at = OffsetDateTime.parse(atText.trim()).toInstant();
            } catch (DateTimeParseException e) {
                throw unreadable(where + " has an 'at' that is not ISO-8601 with an offset", e);
            }
        }
        String transferTo = text(item, "transferTo");
        return new AgencyUpdate(feedbackId.trim(), text(item, "ticketId"), state, text(item, "note"), text(item, "handler"),
                at, transferTo == null || transferTo.isBlank() ? null : transferTo.trim());
    }

    private static String text(JsonNode item, String field) {
        JsonNode node = item.get(field);
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private static AgencySystemException.Permanent unreadable(String message, Throwable cause) {
        return new AgencySystemException.Permanent(message, 0, cause);
    }
}
