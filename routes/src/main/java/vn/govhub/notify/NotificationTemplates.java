package vn.govhub.notify;

import org.springframework.beans.factory.config.YamlMapFactoryBean;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;
import vn.govhub.config.ConfigurationFileException;
import vn.govhub.config.GovhubProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Vietnamese texts of OA messages per notification kind, from {@code config/notifications.yml}:
 * <pre>
 * templates:
 *   dossier-received: "Hồ sơ {trackingCode} ({procedureName}) đã được tiếp nhận."
 * </pre>
 * {@code {field}} is replaced by the event's field. ZNS templates are approved per OA, so their ids and parameter
 * mapping live in each province's file ({@code zalo.zns-templates}).
 */
@Component
public class NotificationTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern KIND = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, String> texts;

    public NotificationTemplates(GovhubProperties properties) {
        this.texts = load(properties.configDir().resolve("notifications.yml"));
    }

    public Optional<String> text(String kind) {
        return Optional.ofNullable(texts.get(kind));
    }

    /** The text with its placeholders filled; a placeholder the event lacks is an error (never sent half-filled). */
    public static String render(String template, Map<String, String> fields) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = fields.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("the event has no field '" + matcher.group(1) + "'");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> load(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        YamlMapFactoryBean yaml = new YamlMapFactoryBean();
        yaml.setResources(new FileSystemResource(file));
        Map<String, Object> root;
        try {
            root = yaml.getObject();
        } catch (RuntimeException e) {
            throw new ConfigurationFileException(file, "-", "is not valid YAML: " + e.getMessage());
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, Object> top : root.entrySet()) {
            if (!top.getKey().equals("templates") || !(top.getValue() instanceof Map<?, ?> templates)) {
                throw new ConfigurationFileException(file, top.getKey(), "unknown key (expected 'templates' with kind: text)");
            }
            for (Map.Entry<?, ?> template : templates.entrySet()) {
                String kind = String.valueOf(template.getKey());
                if (!KIND.matcher(kind).matches()) {
                    throw new ConfigurationFileException(file, "templates." + kind, "must be lower-case letters, digits and dashes");
                }
                if (!(template.getValue() instanceof String text) || text.isBlank()) {
                    throw new ConfigurationFileException(file, "templates." + kind, "must be a non-empty text");
                }
                if (text.length() > vn.govhub.connectors.zalo.ZaloMessages.MAX_TEXT) {
                    throw new ConfigurationFileException(file, "templates." + kind, "is longer than Zalo's 2,000 characters");
                }
                texts.put(kind, text);
            }
        }
        return texts;
    }
}
