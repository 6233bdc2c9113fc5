package vn.govhub.platform.outbox;

/**
 * One piece of work a delivery engine drives: its row id, the key whose work goes in order (a dossier, a report), the
 * version its claim is checked against, how many times it has been claimed, and what it carries.
 */
public record Work<P>(long id, String key, int version, int claims, P payload) {
}
