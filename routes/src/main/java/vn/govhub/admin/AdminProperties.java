package vn.govhub.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Operators' access to {@code /admin/**} ({@code govhub.admin.*}).
 *
 * @param token  bearer token of the province operators (every admin resource); from the environment
 *               ({@code GOVHUB_ADMIN_TOKEN}), never from the repository. Empty: the admin API answers 503.
 * @param agents officers of agencies: each reaches only the feedback inbox of its agencies
 */
@ConfigurationProperties("govhub.admin")
public record AdminProperties(@DefaultValue("") String token, @DefaultValue List<Agent> agents) {

    /**
     * @param name     who acts (recorded in the history of every step)
     * @param token    the officer's bearer token, from the environment
     * @param agencies {@code <province>/<agency>} pairs whose inbox the officer works
     */
    public record Agent(String name, String token, @DefaultValue List<String> agencies) {
        @Override
        public String toString() {
            return "Agent[" + name + " " + agencies + "]";
        }
    }

    @Override
    public String toString() {
        return "AdminProperties[token " + (token.isEmpty() ? "unset" : "set") + ", " + agents.size() + " agents]";
    }
}
