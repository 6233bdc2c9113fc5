package vn.govhub.connectors.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceExceptionTest {

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504, 599})
    void timeoutsThrottlingAndServerErrorsAreTransient(int status) {
        SourceException e = SourceException.forHttpStatus(status);

        assertThat(e).isInstanceOf(TransientSourceException.class).hasMessageContaining(String.valueOf(status));
        assertThat(e.isRetryable()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 400, 401, 403, 404, 410, 415, 451})
    void clientErrorsAndRedirectsArePermanent(int status) {
        SourceException e = SourceException.forHttpStatus(status);

        assertThat(e).isInstanceOf(PermanentSourceException.class).hasMessageContaining(String.valueOf(status));
        assertThat(e.isRetryable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 204, 304, 99, 600})
    void successNotModifiedAndNonStatusesAreNotErrors(int status) {
        assertThatIllegalArgumentException().isThrownBy(() -> SourceException.forHttpStatus(status));
    }

    @Test
    void hierarchyIsClosedAndUnchecked() {
        assertThat(SourceException.class.isSealed()).isTrue();
        assertThat(SourceException.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(TransientSourceException.class, PermanentSourceException.class);
        assertThat(RuntimeException.class).isAssignableFrom(SourceException.class);
    }
}
