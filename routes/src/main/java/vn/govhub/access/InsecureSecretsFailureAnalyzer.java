package vn.govhub.access;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up refused for its secrets: the lines that name them, and how to mend it. */
class InsecureSecretsFailureAnalyzer extends AbstractFailureAnalyzer<SecretsCheck.InsecureSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretsCheck.InsecureSecretsException cause) {
        return new FailureAnalysis(cause.getMessage(), "Give each secret from the environment or a mounted secret "
                + "(the README's Security section lists them), or run the sandbox with --spring.profiles.active=demo.", cause);
    }
}
