package vn.govhub.testing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Gives every test application context a database of its own: an in-memory H2 (default) or, with
 * {@code -Dgovhub.test.db=postgres} (Maven profile {@code postgres}), a fresh schema in PostgreSQL at
 * 127.0.0.1:5432/test. Contexts that must share one (two hub nodes) set {@code govhub.test.database-name}.
 */
public class TestDatabase implements EnvironmentPostProcessor, Ordered {

    public static final String NAME_PROPERTY = "govhub.test.database-name";
    /** H2 only: a file database at this path instead of an in-memory one. */
    public static final String H2_FILE_PROPERTY = "govhub.test.h2-file";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains("govhubTestDatabase")) {
            return;
        }
        String name = environment.getProperty(NAME_PROPERTY, "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        Map<String, Object> db = new HashMap<>();
        if ("postgres".equals(System.getProperty("govhub.test.db", "h2"))) {
            String host = System.getProperty("govhub.test.pg-host", "127.0.0.1:5432");
            db.put("spring.datasource.url", "jdbc:postgresql://" + host + "/test?currentSchema=" + name);
            db.put("spring.datasource.username", System.getProperty("govhub.test.pg-user", "postgres"));
            db.put("spring.datasource.password", "");
            db.put("spring.flyway.schemas", name);
            db.put("spring.flyway.create-schemas", "true");
            dropAtExit(host, name);
        } else if (environment.getProperty(H2_FILE_PROPERTY) != null) {
            // a hub in a child process that must find its database again after being killed (crash tests)
            db.put("spring.datasource.url", "jdbc:h2:file:" + environment.getProperty(H2_FILE_PROPERTY)
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
            db.put("spring.datasource.username", "sa");
            db.put("spring.datasource.password", "");
        } else {
            db.put("spring.datasource.url", "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            db.put("spring.datasource.username", "sa");
            db.put("spring.datasource.password", "");
        }
        db.put("spring.datasource.hikari.maximum-pool-size", "4");
        environment.getPropertySources().addFirst(new MapPropertySource("govhubTestDatabase", db));
    }

    private static final java.util.Set<String> SCHEMAS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The test database stays clean: each schema made for a test context is dropped when the JVM ends. */
    private static void dropAtExit(String host, String schema) {
        if (SCHEMAS.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://" + host + "/test",
                        System.getProperty("govhub.test.pg-user", "postgres"), "")) {
                    for (String s : SCHEMAS) {
                        c.createStatement().execute("DROP SCHEMA IF EXISTS " + s + " CASCADE");
                    }
                } catch (java.sql.SQLException e) {
                    System.err.println("could not drop test schemas: " + e.getMessage());
                }
            }));
        }
        SCHEMAS.add(schema);
    }

    /** Is the suite running against PostgreSQL? */
    public static boolean postgres() {
        return "postgres".equals(System.getProperty("govhub.test.db", "h2"));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
