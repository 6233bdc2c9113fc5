package vn.govhub.dossier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.connectors.cases.CaseStatus;
import vn.govhub.connectors.cases.CaseSystemException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leader-only housekeeping of the dossier flow: asks backends that do not call back (those with
 * {@code poll-every}) for the status of open dossiers, and applies the retention policy to attachments.
 */
@Service
public class DossierPoller {

    private static final Logger log = LoggerFactory.getLogger(DossierPoller.class);
    private static final int PER_POLL = 100;

    private final ProvinceRegistry provinces;
    private final CaseBackends backends;
    private final DossierStore store;
    private final DossierLifecycle lifecycle;
    private final DossierProperties settings;
    private final Clock clock;
    private final Map<String, Instant> lastPoll = new ConcurrentHashMap<>();

    public DossierPoller(ProvinceRegistry provinces, CaseBackends backends, DossierStore store, DossierLifecycle lifecycle,
                         DossierProperties settings, Clock clock) {
        this.provinces = provinces;
        this.backends = backends;
        this.store = store;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.clock = clock;
    }

    /** Polls each province whose interval has passed; returns how many statuses changed. */
    public int pollDue() {
        int changed = 0;
        for (ProvinceProperties province : provinces.enabled()) {
            if (!DossiersSection.of(province).enabled() || DossiersSection.of(province).caseSystem().pollEvery() == null) {
                continue;
            }
            Instant now = clock.instant();
            Instant last = lastPoll.get(province.id());
            if (last != null && last.plus(DossiersSection.of(province).caseSystem().pollEvery()).isAfter(now)) {
                continue;
            }
            lastPoll.put(province.id(), now);
            changed += poll(province.id());
        }
        return changed;
    }

    /** Asks the backend about the least recently polled open dossiers of a province. */
    public int poll(String province) {
        CaseBackends.Backend backend = backends.of(province).orElse(null);
        if (backend == null) {
            return 0;
        }
        int changed = 0;
        for (DossierStore.Dossier dossier : store.toPoll(province, PER_POLL)) {
            if (!backend.breaker().tryAcquirePermission()) {
                break;
            }
            long start = System.nanoTime();
            try {
                Optional<CaseStatus> status = backend.system().lookup(dossier.trackingCode());
                backend.breaker().onSuccess(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
                store.polled(dossier.id(), clock.instant());
                if (status.isPresent() && lifecycle.apply(province, status.get(), "poll") == DossierLifecycle.Outcome.CHANGED) {
                    changed++;
                }
            } catch (CaseSystemException.Transient e) {
                backend.breaker().onError(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS, e);
                log.warn("status poll of {} stopped: {}", province, e.getMessage());
                break;
            } catch (CaseSystemException.Permanent e) {
                backend.breaker().onSuccess(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
                store.polled(dossier.id(), clock.instant());
                log.warn("status poll of dossier {} refused: {}", dossier.id(), e.getMessage());
            }
        }
        return changed;
    }

    /** Empties attachments of dossiers ended longer ago than the retention period; deletes abandoned uploads. */
    public void retention() {
        Instant now = clock.instant();
        for (ProvinceProperties province : provinces.enabled()) {
            if (DossiersSection.of(province).enabled()) {
                int purged = store.purgeEndedBefore(province.id(), now.minus(DossiersSection.of(province).retention()), now);
                if (purged > 0) {
                    log.info("retention: {} attachments of ended dossiers of {} purged", purged, province.id());
                }
            }
        }
        int abandoned = store.deleteUnclaimedBefore(now.minus(settings.uploadTtl()));
        if (abandoned > 0) {
            log.info("retention: {} uploads no dossier took deleted", abandoned);
        }
    }
}
