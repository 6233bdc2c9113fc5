package vn.govhub.access;

import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every endpoint the running application maps, asked of the application itself: the request mappings of every
 * Spring MVC handler mapping (controllers, actuator, Camel's platform-http consumers) and the verbs of Camel's REST
 * definitions. Nothing here is written by hand, so an endpoint added tomorrow is in the list tomorrow.
 */
final class MappedEndpoints {

    /** One method on one path pattern, e.g. {@code GET /api/v1/dossiers/{id}}. */
    record Endpoint(String method, String pattern) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint other) {
            return (pattern + " " + method).compareTo(other.pattern + " " + other.method);
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private MappedEndpoints() {
    }

    static Set<Endpoint> of(ApplicationContext context) {
        Set<Endpoint> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add(new Endpoint("GET", pattern));
                        endpoints.add(new Endpoint("POST", pattern));
                    }
                    methods.forEach(m -> endpoints.add(new Endpoint(m.name(), pattern)));
                }
            }
        }
        endpoints.addAll(camelRest(context.getBean(CamelContext.class)));
        return endpoints;
    }

    /** The REST DSL's verbs, under the REST configuration's context path. */
    static Set<Endpoint> camelRest(CamelContext camel) {
        Set<Endpoint> endpoints = new TreeSet<>();
        String base = camel.getRestConfiguration().getContextPath();
        base = base == null ? "" : base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        for (RestDefinition rest : ((ModelCamelContext) camel).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = (rest.getPath() == null ? "" : rest.getPath()) + (verb.getPath() == null ? "" : "/" + verb.getPath());
                endpoints.add(new Endpoint(verb.asVerb().toUpperCase(Locale.ROOT), base + ("/" + path).replaceAll("/+", "/")
                        .replaceAll("(.)/$", "$1")));
            }
        }
        String api = camel.getRestConfiguration().getApiContextPath();
        if (api != null) {
            endpoints.add(new Endpoint("GET", base + (api.startsWith("/") ? api : "/" + api)));
        }
        return endpoints;
    }
}
