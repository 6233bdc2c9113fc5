package vn.govhub.zalo;

import java.util.Optional;

/**
 * What the OA answers when a citizen sends it text: the status of a dossier whose tracking code is in the text.
 * Implemented by the dossier flow; without an implementation the hub does not auto-reply.
 */
public interface TrackingCodeReplies {

    Optional<String> replyTo(String province, String text);
}
