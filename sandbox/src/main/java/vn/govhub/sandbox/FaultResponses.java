package vn.govhub.sandbox;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.function.Supplier;

/** Turns a {@link Fault} into what WireMock should answer. */
final class FaultResponses {

    private FaultResponses() {
    }

    static ResponseDefinition apply(Fault fault, Supplier<ResponseDefinition> normal) {
        if (fault instanceof Fault.Status s) {
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(s.code())
                    .withHeader("Content-Type", "text/plain; charset=UTF-8")
                    .withBody(s.body())
                    .build();
        }
        if (fault instanceof Fault.Malformed m) {
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(200)
                    .withHeader("Content-Type", m.contentType())
                    .withBody(m.bytes())
                    .build();
        }
        if (fault instanceof Fault.ConnectionReset) {
            return ResponseDefinitionBuilder.responseDefinition()
                    .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)
                    .build();
        }
        if (fault instanceof Fault.EmptyResponse) {
            return ResponseDefinitionBuilder.responseDefinition()
                    .withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE)
                    .build();
        }
        if (fault instanceof Fault.Delay d) {
            return ResponseDefinitionBuilder.like(normal.get())
                    .withFixedDelay((int) d.delay().toMillis())
                    .build();
        }
        if (fault instanceof Fault.Drip d) {
            return ResponseDefinitionBuilder.like(normal.get())
                    .withChunkedDribbleDelay(d.chunks(), (int) d.total().toMillis())
                    .build();
        }
        throw new IllegalArgumentException("unknown fault " + fault);
    }
}
