package vn.govhub.feedback;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.govhub.sandbox.agency.AgencySimulator;
import vn.govhub.sandbox.zalo.ZaloSimulator;
import vn.govhub.testing.Upstreams;

/**
 * The one hub the feedback tests share (the mini app's flow and the Open311 face): one application context, one
 * Zalo and one agency system simulator for the whole run, the configuration in {@code src/test/resources/feedback-config}.
 * Each test class cleans the tables it reads before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "govhub.config-dir=src/test/resources/feedback-config",
        "govhub.admin.token=test-operator-token",
        "govhub.admin.agents[0].name=can-bo-p1",
        "govhub.admin.agents[0].token=test-officer-p1",
        "govhub.admin.agents[0].agencies[0]=feedback-test/ubnd-p1",
        "govhub.files.link-secret=test-file-link-secret",
        "govhub.schedule.feedback-deliver.every=50ms",
        "govhub.feedback.lease=2s"})
abstract class FeedbackHub {

    /** Started once for every class of the run; they end with the test JVM, as the shared context does. */
    static final Upstreams UPSTREAMS = Upstreams.start(new ZaloSimulator(0), new AgencySimulator(0));
    static final ZaloSimulator ZALO = UPSTREAMS.get(ZaloSimulator.class);
    static final AgencySimulator AGENCY = UPSTREAMS.get(AgencySimulator.class);

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        FeedbackTestSupport.register(registry, UPSTREAMS);
    }
}
