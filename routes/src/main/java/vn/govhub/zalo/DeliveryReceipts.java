package vn.govhub.zalo;

import java.time.Instant;

/**
 * Where Zalo's delivery receipts ({@code user_received_message}) go: the notifications the hub sent. Implemented by
 * the notification flow, so that the webhook side needs none of its types.
 */
public interface DeliveryReceipts {

    /**
     * Marks the message delivered.
     *
     * @param trackingId the ZNS tracking id the hub sent (ZNS receipts), else null
     * @param msgId      Zalo's message id (OA receipts)
     * @return how many notifications it marked (0: not known yet, or not the hub's)
     */
    int delivered(String province, String trackingId, String msgId, Instant at);
}
