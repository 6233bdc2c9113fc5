package vn.govhub.sandbox;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applied to every stub request of one simulator: computes dynamic responses and then, above every stub,
 * the armed faults. One instance per simulator, so two simulators never share state.
 */
final class SimulatorTransformer implements ResponseDefinitionTransformerV2 {

    private final Map<UUID, Responder> responders;
    private final FaultRules faults;

    SimulatorTransformer(Map<UUID, Responder> responders, FaultRules faults) {
        this.responders = responders;
        this.faults = faults;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Optional<Fault> fault = faults.claim(Simulator.pathOf(serveEvent.getRequest().getUrl()));
        if (fault.isPresent()) {
            return FaultResponses.apply(fault.get(), () -> normalResponse(serveEvent));
        }
        return normalResponse(serveEvent);
    }

    private ResponseDefinition normalResponse(ServeEvent serveEvent) {
        StubMapping stub = serveEvent.getStubMapping();
        Responder responder = stub == null || stub.getId() == null ? null : responders.get(stub.getId());
        return responder == null ? serveEvent.getResponseDefinition() : responder.respond(serveEvent.getRequest());
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public String getName() {
        return "govhub-simulator";
    }
}
