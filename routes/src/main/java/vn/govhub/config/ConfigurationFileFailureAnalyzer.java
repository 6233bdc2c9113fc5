package vn.govhub.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stopped by a bad configuration file: say which file, which key and why, in one line. */
public class ConfigurationFileFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationFileException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct " + cause.file() + " and start again (the README lists every province key).", cause);
    }
}
