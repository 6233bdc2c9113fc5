package vn.govhub.connectors;

import org.junit.jupiter.api.Test;
import vn.govhub.connectors.agency.AgencySystemException;
import vn.govhub.connectors.cases.CaseSystemException;
import vn.govhub.connectors.portal.PermanentSourceException;
import vn.govhub.connectors.portal.SourceException;
import vn.govhub.connectors.portal.TransientSourceException;
import vn.govhub.connectors.tthc.TthcException;
import vn.govhub.connectors.zalo.ZaloException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every connector family's failures are one of the two kinds, so a caller decides on retry without knowing the family. */
class UpstreamFailureTest {

    @Test
    void everyFamilySaysTransientOrPermanent() {
        List<RuntimeException> transients = List.of(new TthcException.Transient("timeout", null),
                new CaseSystemException.Transient("HTTP 503", null), new AgencySystemException.Transient("HTTP 429", 429, null),
                new TransientSourceException("reset"), SourceException.forHttpStatus(502), ZaloException.of(-32, "rate"),
                ZaloException.of(-216, "token expired"));
        List<RuntimeException> permanents = List.of(new TthcException.Permanent("bad JSON", null),
                new CaseSystemException.Permanent("refused", null), new AgencySystemException.Permanent("HTTP 400", 400, null),
                new PermanentSourceException("DOCTYPE"), SourceException.forHttpStatus(404), ZaloException.of(-213, "not a follower"));
        assertThat(transients).allSatisfy(e -> assertThat(kind(e)).as(e.toString()).isEqualTo("retry later"));
        assertThat(permanents).allSatisfy(e -> assertThat(kind(e)).as(e.toString()).isEqualTo("give up"));
        assertThat(transients.stream().map(e -> ((UpstreamFailure) e).upstream()).distinct())
                .containsExactlyInAnyOrder("tthc", "cases", "agency", "portal", "zalo");
        assertThat(((UpstreamFailure) permanents.get(0)).retryable()).isFalse();
        assertThat(((UpstreamFailure) transients.get(0)).retryable()).isTrue();
    }

    @Test
    void otherExceptionsAreNeither() {
        assertThat(kind(new IllegalStateException("a bug"))).isEqualTo("not an upstream's");
    }

    private static String kind(RuntimeException e) {
        if (e instanceof UpstreamFailure.Transient) {
            return "retry later";
        }
        return e instanceof UpstreamFailure.Permanent ? "give up" : "not an upstream's";
    }
}
