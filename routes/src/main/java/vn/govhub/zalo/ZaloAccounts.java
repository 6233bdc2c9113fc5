package vn.govhub.zalo;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.config.ProvinceSection;
import vn.govhub.connectors.zalo.WebhookSignature;
import vn.govhub.connectors.zalo.ZaloEndpoints;
import vn.govhub.connectors.zalo.ZaloGraph;
import vn.govhub.connectors.zalo.ZaloMessages;
import vn.govhub.connectors.zalo.ZaloOAuth;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The Zalo clients of each province with Zalo enabled, built once from its configuration. */
@Component
public class ZaloAccounts {

    /** The {@code zalo} section of the province files belongs to this flow. */
    @Bean
    static ProvinceSection<ZaloSection> zaloSection() {
        return ZaloSection.SECTION;
    }

    /** One province's app and OA: its settings and the connector's clients. */
    public record Account(ProvinceProperties province, ZaloSection zalo, ZaloOAuth oauth,
                          ZaloMessages messages, ZaloGraph graph, WebhookSignature.Keys keys,
                          WebhookSignature.Variant signature) {
        public String id() {
            return province.id();
        }
    }

    private final ProvinceRegistry provinces;
    private final ZaloProperties settings;
    private final Clock clock;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    public ZaloAccounts(ProvinceRegistry provinces, ZaloProperties settings, Clock clock) {
        this.provinces = provinces;
        this.settings = settings;
        this.clock = clock;
    }

    public Optional<Account> find(String province) {
        return provinces.find(province).filter(p -> p.enabled() && ZaloSection.of(p).enabled())
                .map(p -> accounts.computeIfAbsent(p.id(), id -> build(p)));
    }

    public Account require(String province) {
        return find(province).orElseThrow(() -> new IllegalArgumentException("no Zalo account for province " + province));
    }

    public List<Account> all() {
        return provinces.enabled().stream().filter(p -> ZaloSection.of(p).enabled())
                .map(p -> accounts.computeIfAbsent(p.id(), id -> build(p))).toList();
    }

    /** The account whose app id (or, for some events, OA id) a webhook names. */
    public Optional<Account> byAppOrOaId(String appId, String oaId) {
        return all().stream().filter(a -> (appId != null && appId.equals(a.zalo().appId()))
                || (appId == null && oaId != null && oaId.equals(a.zalo().oaId()))).findFirst();
    }

    private Account build(ProvinceProperties province) {
        ZaloSection zalo = ZaloSection.of(province);
        ZaloEndpoints endpoints = new ZaloEndpoints(URI.create(zalo.oauthBaseUrl()), URI.create(zalo.openApiBaseUrl()),
                URI.create(zalo.businessBaseUrl()), URI.create(zalo.graphBaseUrl()), settings.connectTimeout(),
                settings.readTimeout());
        return new Account(province, zalo, new ZaloOAuth(endpoints, zalo.appId(), zalo.appSecret(), clock),
                new ZaloMessages(endpoints, zalo.appSecret(), false), new ZaloGraph(endpoints, zalo.appSecret()),
                new WebhookSignature.Keys(zalo.appId(), zalo.oaId(), zalo.appSecret(), zalo.oaSecretKey()),
                new WebhookSignature.Variant(zalo.signatureFirst(), zalo.signatureLast()));
    }
}
