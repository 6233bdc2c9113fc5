package vn.govhub.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The provinces the hub serves, as last loaded from {@code config/}. A reload that fails validation keeps the
 * running configuration (promise 7).
 */
public class ProvinceRegistry {

    private static final Logger log = LoggerFactory.getLogger(ProvinceRegistry.class);

    /** One loaded configuration: the provinces and a hash of the files they came from. */
    public record Snapshot(List<ProvinceProperties> provinces, String hash, Instant loadedAt) {
    }

    private final Path configDir;
    private final ProvinceConfigLoader loader;
    private volatile Snapshot current;

    public ProvinceRegistry(Path configDir, ProvinceConfigLoader loader) {
        this.configDir = configDir;
        this.loader = loader;
        this.current = loadSnapshot();
        log.info("Configuration loaded from {}: {} province(s) {}, hash {}", configDir.toAbsolutePath().normalize(),
                current.provinces().size(), current.provinces().stream().map(ProvinceProperties::id).toList(),
                current.hash().substring(0, 12));
    }

    public Snapshot snapshot() {
        return current;
    }

    public List<ProvinceProperties> all() {
        return current.provinces();
    }

    public List<ProvinceProperties> enabled() {
        return current.provinces().stream().filter(ProvinceProperties::enabled).toList();
    }

    public Optional<ProvinceProperties> find(String id) {
        return current.provinces().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Whether the files on disk differ from those of the running configuration. */
    public boolean changedOnDisk() {
        return !hashOf(configDir).equals(current.hash());
    }

    /** Loads and validates the files again; on any problem throws and keeps what is running. */
    public synchronized Snapshot reload() {
        Snapshot next = loadSnapshot();
        current = next;
        log.info("Configuration reloaded: hash {}", next.hash().substring(0, 12));
        return next;
    }

    private Snapshot loadSnapshot() {
        List<ProvinceProperties> provinces = loader.load(configDir);
        return new Snapshot(provinces, hashOf(configDir), Instant.now());
    }

    /** SHA-256 over the YAML files of the configuration folder, in name order. */
    static String hashOf(Path configDir) {
        try (Stream<Path> files = Files.walk(configDir)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted().toList()) {
                sha.update(configDir.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
