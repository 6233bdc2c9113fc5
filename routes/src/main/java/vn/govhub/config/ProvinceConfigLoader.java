package vn.govhub.config;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.Validator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads {@code provinces/*.yml} under the configuration folder, binds each file to {@link ProvinceProperties}: its
 * core keys, then every flow's {@link ProvinceSection} (strictly: an unknown key is an error), and validates it. The first problem found ends the load with a
 * {@link ConfigurationFileException} naming the file, the key and the reason.
 */
public class ProvinceConfigLoader {

    private final ConfigurableEnvironment environment;
    private final Validator validator;
    private final Map<String, ProvinceSection<?>> sections = new LinkedHashMap<>();

    public ProvinceConfigLoader(ConfigurableEnvironment environment, Validator validator, Collection<ProvinceSection<?>> sections) {
        this.environment = environment;
        this.validator = validator;
        sections.stream().sorted(Comparator.comparing(ProvinceSection::key)).forEach(section -> {
            if (this.sections.putIfAbsent(section.key(), section) != null) {
                throw new IllegalStateException("two flows claim the province section '" + section.key() + "'");
            }
        });
    }

    public List<ProvinceProperties> load(Path configDir) {
        Path dir = configDir.resolve("provinces");
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationFileException(dir, "provinces", "folder not found");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yml")
                            || p.getFileName().toString().endsWith(".yaml"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new ConfigurationFileException(dir, "provinces", "cannot be listed: " + e.getMessage());
        }
        List<ProvinceProperties> provinces = new ArrayList<>();
        for (Path file : files) {
            provinces.add(loadFile(file));
        }
        return List.copyOf(provinces);
    }

    ProvinceProperties loadFile(Path file) {
        List<PropertySource<?>> sources;
        try {
            sources = new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationFileException(file, "(file)", "is not readable YAML: " + oneLine(e.getMessage()));
        }
        if (sources.isEmpty()) {
            throw new ConfigurationFileException(file, "(file)", "is empty");
        }
        if (sources.size() > 1) {
            throw new ConfigurationFileException(file, "(file)", "holds several YAML documents; give one province per file");
        }
        IterableConfigurationPropertySource source = (IterableConfigurationPropertySource) ConfigurationPropertySources
                .from(sources.get(0)).iterator().next();
        String unknown = source.stream().map(name -> name.getElement(0, ConfigurationPropertyName.Form.UNIFORM))
                .filter(key -> !ProvinceProperties.CORE_KEYS.contains(key) && !sections.containsKey(key))
                .sorted().findFirst().orElse(null);
        if (unknown != null) {
            throw new ConfigurationFileException(file, unknown, "is not a known setting");
        }
        PropertySourcesPlaceholdersResolver placeholders = new PropertySourcesPlaceholdersResolver(environment);
        BindHandler handler = new ValidationBindHandler(new NoUnboundElementsBindHandler(BindHandler.DEFAULT), validator);
        ProvinceProperties province;
        Map<String, Object> bound = new LinkedHashMap<>();
        try {
            Binder core = new Binder(List.of(source.filter(name -> ProvinceProperties.CORE_KEYS.contains(
                    name.getElement(0, ConfigurationPropertyName.Form.UNIFORM)))), placeholders);
            province = core.bindOrCreate(ConfigurationPropertyName.EMPTY, Bindable.of(ProvinceProperties.class), handler);
            Binder all = new Binder(List.of(source), placeholders);
            for (ProvinceSection<?> section : sections.values()) {
                bound.put(section.key(), all.bindOrCreate(ConfigurationPropertyName.of(section.key()), Bindable.of(section.type()), handler));
            }
        } catch (BindException e) {
            throw describe(file, e);
        }
        province = province.withSections(bound);
        String expectedId = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!expectedId.equals(province.id())) {
            throw new ConfigurationFileException(file, "id", "is '" + province.id() + "' but must equal the file name '" + expectedId + "'");
        }
        return province;
    }

    private static ConfigurationFileException describe(Path file, BindException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnboundConfigurationPropertiesException unbound) {
            String key = unbound.getUnboundProperties().stream()
                    .map(p -> p.getName().toString()).sorted().findFirst().orElse("?");
            return new ConfigurationFileException(file, key, "is not a known setting");
        }
        if (cause instanceof BindValidationException validation) {
            ObjectError error = validation.getValidationErrors().getAllErrors().get(0);
            String parent = validation.getValidationErrors().getName().toString();
            String field = error instanceof FieldError fieldError ? fieldError.getField() : "";
            String key = parent.isEmpty() ? field : field.isEmpty() ? parent : parent + "." + field;
            return new ConfigurationFileException(file, keyOf(key), oneLine(error.getDefaultMessage()));
        }
        String key = e.getProperty() != null ? e.getProperty().getName().toString() : e.getName().toString();
        String value = e.getProperty() != null ? " '" + e.getProperty().getValue() + "'" : "";
        String reason = cause != null ? rootMessage(cause) : e.getMessage();
        if (key.isEmpty()) {
            return new ConfigurationFileException(file, "(file)", oneLine(reason));
        }
        return new ConfigurationFileException(file, keyOf(key), "has a bad value" + value + ": " + oneLine(reason));
    }

    /** Validation reports record accessors ("news.sources[0].schedule"): keep the name, drop the prefix. */
    private static String keyOf(String field) {
        return field.isEmpty() ? "(file)" : field;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
