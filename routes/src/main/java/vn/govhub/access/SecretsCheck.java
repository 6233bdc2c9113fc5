package vn.govhub.access;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import vn.govhub.admin.AdminProperties;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.config.SectionFacts;
import vn.govhub.files.FilesProperties;
import vn.govhub.security.SecurityProperties;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Outside the demo profile the hub does not start on secrets that are missing, too short to be secrets, or one of the
 * values the demo ships with (they are in the repository, so everyone has them): the operators' and officers'
 * tokens, the data key, the attachment-link secret, and each enabled province's Zalo secrets and callback secrets.
 * Every problem is one line naming the key and where it comes from.
 */
@Component
class SecretsCheck implements InitializingBean {

    /** Values of the demo profile and the sandbox: public, so never secrets. */
    static final Set<String> DEMO_VALUES = Set.of("demo-operator-token", "demo-officer-token",
            "ZGVtby1vbmx5LWtleS1kby1ub3QtdXNlLWluLXByb2Q=", "demo-only-file-link-secret", "sandbox-app-secret",
            "sandbox-oa-secret-key", "demo-callback-secret", "demo-agency-callback-secret", "agency-sandbox-token",
            "demo-open311-key", "govhub@2025", "mot-cua@2025");
    static final int MIN_TOKEN = 24;

    private final AdminProperties admin;
    private final SecurityProperties security;
    private final FilesProperties files;
    private final ProvinceRegistry provinces;
    private final Environment environment;

    SecretsCheck(AdminProperties admin, SecurityProperties security, FilesProperties files, ProvinceRegistry provinces,
                 Environment environment) {
        this.admin = admin;
        this.security = security;
        this.files = files;
        this.provinces = provinces;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        if (!security.checkSecrets() || environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InsecureSecretsException(problems);
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        token(problems, "govhub.admin.token (GOVHUB_ADMIN_TOKEN)", admin.token(), true);
        for (int i = 0; i < admin.agents().size(); i++) {
            token(problems, "govhub.admin.agents[" + i + "].token (officer " + admin.agents().get(i).name() + ")",
                    admin.agents().get(i).token(), true);
        }
        token(problems, "govhub.admin.metrics-token", admin.metricsToken(), false);
        dataKey(problems);
        boolean links = false;
        for (ProvinceProperties p : provinces.enabled()) {
            String file = "config/provinces/" + p.id() + ".yml ";
            for (SectionFacts facts : p.facts()) {
                facts.secrets().forEach(secret -> secret(problems, file + secret.key(), secret.value(), secret.required()));
                links |= facts.sendsFileLinks();
            }
        }
        if (links) {
            token(problems, "govhub.files.link-secret (GOVHUB_FILES_LINK_SECRET)", files.linkSecret(), true);
        }
        return problems;
    }

    private static void token(List<String> problems, String key, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(key + ": missing");
            }
        } else if (DEMO_VALUES.contains(value.strip())) {
            problems.add(key + ": the demo's value, which anyone can read in the repository");
        } else if (value.strip().length() < MIN_TOKEN) {
            problems.add(key + ": shorter than " + MIN_TOKEN + " characters (make one with: openssl rand -base64 32)");
        }
    }

    private static void secret(List<String> problems, String key, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(key + ": missing");
            }
        } else if (DEMO_VALUES.contains(value.strip())) {
            problems.add(key + ": the demo's value, which anyone can read in the repository");
        }
    }

    private void dataKey(List<String> problems) {
        String key = "govhub.security.data-key (GOVHUB_SECURITY_DATA_KEY)";
        String value = security.dataKey();
        if (value == null || value.isBlank()) {
            problems.add(key + ": missing");
            return;
        }
        if (DEMO_VALUES.contains(value.strip())) {
            problems.add(key + ": the demo's value, which anyone can read in the repository");
            return;
        }
        try {
            if (Base64.getDecoder().decode(value.strip()).length != 32) {
                problems.add(key + ": not 32 bytes in base64 (make one with: openssl rand -base64 32)");
            }
        } catch (IllegalArgumentException e) {
            problems.add(key + ": not base64 (make one with: openssl rand -base64 32)");
        }
    }

    /** Start-up refused: each line names a secret and what is wrong with it. */
    static final class InsecureSecretsException extends IllegalStateException {
        InsecureSecretsException(List<String> problems) {
            super("Refusing to start outside the demo profile: " + problems.size() + " secret(s) missing or unsafe:\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
