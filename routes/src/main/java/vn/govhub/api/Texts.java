package vn.govhub.api;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import vn.govhub.config.GovhubProperties;

import java.util.Locale;

/**
 * What citizens and officers read, kept out of the code: the Vietnamese texts of histories, statuses and replies, by
 * key, from {@code texts.properties} (a province may put its own wording in {@code config/texts.properties}).
 * Placeholders are {@code {0}}, {@code {1}}, ... ({@link java.text.MessageFormat}).
 */
@Component
public class Texts {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    public Texts(GovhubProperties hub) {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames("file:" + hub.configDir().resolve("texts"), "classpath:texts");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        this.messages = source;
    }

    public String get(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, VIETNAMESE);
    }
}
