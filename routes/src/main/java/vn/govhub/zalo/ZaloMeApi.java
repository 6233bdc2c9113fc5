package vn.govhub.zalo;

import org.springframework.stereotype.Component;
import vn.govhub.api.ApiException;
import vn.govhub.connectors.zalo.PhoneNumbers;
import vn.govhub.connectors.zalo.ZaloException;

import java.time.Clock;
import java.util.List;

/** {@code /api/v1/me}: the signed-in citizen as the hub knows them, and the phone number consent. */
@Component("zaloMeApi")
public class ZaloMeApi {

    public record Me(String province, String id, String name, boolean followsOa, boolean phoneKnown, String phone) {
    }

    public record PhoneConsent(String code) {
    }

    private final ZaloUsers users;
    private final ZaloAccounts accounts;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final Clock clock;

    public ZaloMeApi(ZaloUsers users, ZaloAccounts accounts,
                     org.springframework.transaction.support.TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Me me(ZaloIdentity.Citizen citizen) {
        ZaloUsers.ZaloUser user = transactions.execute(tx -> users.upsert(citizen.province(), null, citizen.appUserId()));
        return view(citizen, user);
    }

    /** Resolves the consent code from the mini app's getPhoneNumber() with Graph, server side, and keeps the phone. */
    public Me phone(ZaloIdentity.Citizen citizen, String userToken, PhoneConsent consent) {
        String code = consent == null ? null : consent.code();
        if (code == null || code.isBlank() || code.length() > 2000) {
            throw ApiException.invalid("code", "is required: the token getPhoneNumber() returned in the mini app");
        }
        String phone;
        try {
            phone = accounts.require(citizen.province()).graph()
                    .phone(userToken.strip(), code);
        } catch (ZaloException.Transient e) {
            throw new ApiException(503, "Service Unavailable", "Zalo could not be reached; try again.", List.of());
        } catch (ZaloException | IllegalArgumentException e) {
            throw ApiException.invalid("code", "was not accepted by Zalo (expired or already used)");
        }
        ZaloUsers.ZaloUser user = transactions.execute(tx -> {
            ZaloUsers.ZaloUser row = users.upsert(citizen.province(), null, citizen.appUserId());
            users.consentedPhone(row.id(), phone, citizen.name(), clock.instant());
            return users.byAppUser(citizen.province(), citizen.appUserId()).orElseThrow();
        });
        return view(citizen, user);
    }

    private static Me view(ZaloIdentity.Citizen citizen, ZaloUsers.ZaloUser user) {
        return new Me(citizen.province(), citizen.appUserId(), citizen.name(), user.following(), user.phone() != null,
                user.phone() == null ? null : PhoneNumbers.mask(user.phone()));
    }
}
