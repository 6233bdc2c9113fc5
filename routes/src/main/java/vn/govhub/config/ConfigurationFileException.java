package vn.govhub.config;

import java.nio.file.Path;

/**
 * A configuration file that cannot be used. Its message is the one line an operator needs: file, key, reason.
 */
public class ConfigurationFileException extends RuntimeException {

    private final transient Path file;
    private final String key;
    private final String reason;

    public ConfigurationFileException(Path file, String key, String reason) {
        super("Invalid configuration " + file + ": key '" + key + "' " + reason);
        this.file = file;
        this.key = key;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String key() {
        return key;
    }

    public String reason() {
        return reason;
    }
}
