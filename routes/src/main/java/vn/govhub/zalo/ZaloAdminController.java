package vn.govhub.zalo;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.connectors.zalo.ZaloException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operators connect each province's OA: a consent URL (PKCE) whose callback the hub completes, or a refresh
 * token obtained elsewhere; and they see each OA's state. The callback is outside {@code /admin} (Zalo redirects a
 * browser there, without the operators' token): the single-use, random {@code state} is what authorises it.
 */
@RestController
class ZaloAdminController {

    private final ZaloAccounts accounts;
    private final OaTokenService tokens;
    private final OaTokenStore store;
    private final ZnsQuota quota;

    ZaloAdminController(ZaloAccounts accounts, OaTokenService tokens, OaTokenStore store, ZnsQuota quota) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.store = store;
        this.quota = quota;
    }

    @GetMapping("/admin/zalo")
    List<Map<String, Object>> all() {
        return accounts.all().stream().map(this::state).toList();
    }

    @PostMapping("/admin/zalo/{province}/consent")
    ResponseEntity<?> consent(@PathVariable String province) {
        if (accounts.find(province).isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "No Zalo account configured for province '" + province + "'.");
        }
        try {
            return ResponseEntity.ok(Map.of("province", province, "consentUrl", tokens.startConsent(province).toString(),
                    "next", "Open consentUrl as an admin of the OA and grant access; Zalo returns to redirect-uri."));
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @PostMapping("/admin/zalo/{province}/refresh-token")
    ResponseEntity<?> adopt(@PathVariable String province, @RequestBody Map<String, String> body) {
        if (accounts.find(province).isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "No Zalo account configured for province '" + province + "'.");
        }
        String refreshToken = body.get("refreshToken");
        if (refreshToken == null || refreshToken.isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "refreshToken is required.");
        }
        try {
            tokens.adoptRefreshToken(province, refreshToken.strip());
        } catch (ZaloException e) {
            return problem(HttpStatus.BAD_GATEWAY, "Zalo refused the refresh token: " + e.getMessage());
        }
        return ResponseEntity.ok(state(accounts.require(province)));
    }

    /** Zalo's redirect after an OA admin's consent. */
    @GetMapping("/oauth/zalo/callback")
    ResponseEntity<?> callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state) {
        if (code == null || state == null) {
            return problem(HttpStatus.BAD_REQUEST, "code and state are required.");
        }
        try {
            String province = tokens.completeConsent(state, code);
            return ResponseEntity.ok(Map.of("province", province, "status", "AUTHORISED"));
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "This consent is unknown, used or expired: start again.");
        } catch (ZaloException e) {
            return problem(HttpStatus.BAD_GATEWAY, "Zalo refused the code: " + e.getMessage());
        }
    }

    private Map<String, Object> state(ZaloAccounts.Account account) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("province", account.id());
        view.put("oaId", account.zalo().oaId());
        store.find(account.id()).ifPresentOrElse(row -> {
            view.put("status", row.status());
            view.put("detail", row.statusDetail());
            view.put("accessExpiresAt", row.accessExpiresAt());
            view.put("refreshedAt", row.refreshedAt());
            view.put("version", row.version());
        }, () -> {
            view.put("status", OaTokenStore.Status.NEW);
            view.put("detail", "Not connected: POST /admin/zalo/" + account.id() + "/consent");
        });
        view.put("znsRemainingToday", quota.remaining(account.id()));
        return view;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
