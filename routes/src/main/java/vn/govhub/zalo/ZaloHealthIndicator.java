package vn.govhub.zalo;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code zalo} health: each OA's token state. An OA that is not connected or lost its authorisation makes the hub
 * DEGRADED (citizens are not notified) with what to do, not DOWN (everything else works).
 */
@Component("zalo")
class ZaloHealthIndicator extends AbstractHealthIndicator {

    private final ZaloAccounts accounts;
    private final OaTokenStore store;

    ZaloHealthIndicator(ZaloAccounts accounts, OaTokenStore store) {
        this.accounts = accounts;
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean degraded = false;
        Map<String, Object> oas = new LinkedHashMap<>();
        for (ZaloAccounts.Account account : accounts.all()) {
            Map<String, Object> oa = new LinkedHashMap<>();
            var row = store.find(account.id());
            OaTokenStore.Status status = row.map(OaTokenStore.OaRow::status).orElse(OaTokenStore.Status.NEW);
            oa.put("status", status);
            row.map(OaTokenStore.OaRow::accessExpiresAt).ifPresent(at -> oa.put("accessExpiresAt", at));
            if (status != OaTokenStore.Status.AUTHORISED) {
                degraded = true;
                oa.put("action", row.map(OaTokenStore.OaRow::statusDetail).filter(d -> d != null)
                        .orElse("Connect the OA: POST /admin/zalo/" + account.id() + "/consent"));
            }
            oas.put(account.id(), oa);
        }
        builder.status(degraded ? new Status("DEGRADED") : Status.UP).withDetail("oas", oas);
    }
}
