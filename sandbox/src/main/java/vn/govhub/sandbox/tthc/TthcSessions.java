package vn.govhub.sandbox.tthc;

import static vn.govhub.sandbox.tthc.TthcJson.JSON;
import static vn.govhub.sandbox.tthc.TthcJson.error;
import static vn.govhub.sandbox.tthc.TthcJson.json;
import static vn.govhub.sandbox.tthc.TthcSimulator.BAD_REQUEST;
import static vn.govhub.sandbox.tthc.TthcSimulator.SESSION_EXPIRED;
import static vn.govhub.sandbox.tthc.TthcSimulator.UNAUTHORIZED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who may call: the login ({@code POST /api/auth}) with the configured credentials and unit code, and the sessions
 * it issued. Sessions end when told ({@link #expireAll()}) or after a set number of calls, so a test can make the
 * hub log in again in the middle of a sync, which is when real sessions tend to run out.
 */
final class TthcSessions {

    private static final SecureRandom SESSIONS = new SecureRandom();

    private final Map<String, AtomicInteger> sessions = new ConcurrentHashMap<>(); // session → calls made
    private final AtomicInteger logins = new AtomicInteger();
    private volatile String username;
    private volatile String password;
    private volatile String unitCode;
    private volatile boolean http401OnAuthFailure;
    private volatile int sessionCallLimit;

    TthcSessions() {
        defaults();
    }

    void setCredentials(String username, String password, String unitCode) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.unitCode = Objects.requireNonNull(unitCode, "unitCode");
    }

    void setHttp401OnAuthFailure(boolean http401) {
        this.http401OnAuthFailure = http401;
    }

    /** Every session issued so far becomes invalid. */
    void expireAll() {
        sessions.clear();
    }

    /** From now on a session ends once it has served {@code n} calls; sessions already issued count from now. */
    void expireAfterCalls(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        sessionCallLimit = n;
        sessions.values().forEach(c -> c.set(0));
    }

    int loginCount() {
        return logins.get();
    }

    void reset() {
        sessions.clear();
        logins.set(0);
        defaults();
    }

    private void defaults() {
        username = TthcSimulator.DEFAULT_USERNAME;
        password = TthcSimulator.DEFAULT_PASSWORD;
        unitCode = TthcSimulator.DEFAULT_UNIT_CODE;
        http401OnAuthFailure = false;
        sessionCallLimit = -1;
    }

    /** {@code POST /api/auth}: a new session for the right credentials and {@code dstcode}. */
    ResponseDefinition login(Request request) {
        logins.incrementAndGet();
        JsonNode body = TthcJson.parse(request);
        if (body == null) {
            return error(BAD_REQUEST, "Dữ liệu yêu cầu không hợp lệ");
        }
        if (!unitCode.equals(request.getHeader("dstcode"))) {
            return authFailure("Mã đơn vị (dstcode) không hợp lệ");
        }
        if (!username.equals(body.path("username").asText()) || !password.equals(body.path("password").asText())) {
            return authFailure("Tên đăng nhập hoặc mật khẩu không đúng");
        }
        byte[] bytes = new byte[24];
        SESSIONS.nextBytes(bytes);
        String session = HexFormat.of().formatHex(bytes);
        sessions.put(session, new AtomicInteger());
        ObjectNode answer = JSON.createObjectNode().put("session", session).put("error_code", TthcSimulator.OK);
        return json(200, answer);
    }

    /**
     * Null when a service call may go on: the right {@code dstcode}, and a live session that has calls left
     * (counting this one); else the refusal.
     */
    ResponseDefinition refuse(Request request, JsonNode body) {
        if (!unitCode.equals(request.getHeader("dstcode"))) {
            return authFailure("Mã đơn vị (dstcode) không hợp lệ");
        }
        AtomicInteger used = sessions.get(body.path("session").asText(""));
        if (used == null) {
            return error(SESSION_EXPIRED, "Phiên làm việc đã hết hạn");
        }
        int limit = sessionCallLimit;
        if (limit >= 0 && used.incrementAndGet() > limit) {
            sessions.remove(body.path("session").asText());
            return error(SESSION_EXPIRED, "Phiên làm việc đã hết hạn");
        }
        return null;
    }

    private ResponseDefinition authFailure(String message) {
        return json(http401OnAuthFailure ? 401 : 200,
                JSON.createObjectNode().put("error_code", UNAUTHORIZED).put("message", message));
    }
}
