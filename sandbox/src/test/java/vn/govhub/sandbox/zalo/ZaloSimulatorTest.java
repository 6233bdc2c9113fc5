package vn.govhub.sandbox.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govhub.connectors.zalo.OaTokens;
import vn.govhub.connectors.zalo.Pkce;
import vn.govhub.connectors.zalo.ZaloEndpoints;
import vn.govhub.connectors.zalo.ZaloException;
import vn.govhub.connectors.zalo.ZaloGraph;
import vn.govhub.connectors.zalo.ZaloMessages;
import vn.govhub.connectors.zalo.ZaloOAuth;
import vn.govhub.sandbox.Fault;

/** The hub's Zalo clients against the simulator: the wire formats and Zalo's rules, both ways. */
class ZaloSimulatorTest {

    private static final ZaloSimulator zalo = new ZaloSimulator(0);
    private static ZaloOAuth oauth;
    private static ZaloMessages messages;
    private static ZaloGraph graph;

    @BeforeAll
    static void start() {
        zalo.start();
        ZaloEndpoints endpoints = ZaloEndpoints.allAt(URI.create(zalo.baseUrl()), Duration.ofSeconds(2), Duration.ofSeconds(5));
        oauth = new ZaloOAuth(endpoints, zalo.appId(), zalo.appSecret(), Clock.systemUTC());
        messages = new ZaloMessages(endpoints, zalo.appSecret(), true);
        graph = new ZaloGraph(endpoints, zalo.appSecret());
    }

    @AfterAll
    static void stop() {
        zalo.close();
    }

    @BeforeEach
    void reset() {
        zalo.reset();
    }

    private static OaTokens tokens() {
        Pkce pkce = Pkce.generate();
        return oauth.exchangeCode(zalo.authorize(pkce.challenge()), pkce.verifier());
    }

    @Test
    void codeExchangeChecksPkceAndCodeIsSingleUse() {
        Pkce pkce = Pkce.generate();
        String code = zalo.authorize(pkce.challenge());
        assertThatThrownBy(() -> oauth.exchangeCode(code, Pkce.generate().verifier()))
                .isInstanceOf(ZaloException.Permanent.class);
        String second = zalo.authorize(pkce.challenge());
        OaTokens tokens = oauth.exchangeCode(second, pkce.verifier());
        assertThat(tokens.accessExpiresAt()).isAfter(Instant.now().plus(Duration.ofHours(24)));
        assertThatThrownBy(() -> oauth.exchangeCode(second, pkce.verifier())).isInstanceOf(ZaloException.Permanent.class);
    }

    @Test
    void refreshTokenIsSingleUseAndReuseIsCounted() {
        OaTokens first = tokens();
        OaTokens second = oauth.refresh(first.refreshToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThatThrownBy(() -> oauth.refresh(first.refreshToken()))
                .isInstanceOfSatisfying(ZaloException.Permanent.class, e -> assertThat(e.code()).isEqualTo(-14014));
        assertThat(zalo.refreshTokenReuses()).isEqualTo(1);
        assertThat(zalo.refreshCalls()).isEqualTo(2);
    }

    @Test
    void expiredAccessTokenIsATokenErrorOnBothApis() {
        String access = tokens().accessToken();
        zalo.follow("u1");
        zalo.registerTemplate("t1", Set.of("ma_ho_so"));
        zalo.advanceClock(Duration.ofHours(25));
        assertThatThrownBy(() -> messages.sendConsultation(access, "u1", "Xin chào", null, List.of()))
                .isInstanceOfSatisfying(ZaloException.TokenInvalid.class, e -> assertThat(e.code()).isEqualTo(-220));
        assertThatThrownBy(() -> messages.sendZns(access, "0912345678", "t1", Map.of("ma_ho_so", "X"), "n-1"))
                .isInstanceOfSatisfying(ZaloException.TokenInvalid.class, e -> assertThat(e.code()).isEqualTo(-124));
        assertThatThrownBy(() -> messages.sendConsultation("unknown", "u1", "Xin chào", null, List.of()))
                .isInstanceOfSatisfying(ZaloException.TokenInvalid.class, e -> assertThat(e.code()).isEqualTo(-216));
    }

    @Test
    void oaMessagesFollowTheFollowerAndWindowRules() {
        String access = tokens().accessToken();
        assertThatThrownBy(() -> messages.sendConsultation(access, "stranger", "Xin chào", null, List.of()))
                .isInstanceOfSatisfying(ZaloException.Permanent.class, e -> assertThat(e.code()).isEqualTo(-232));
        zalo.follow("u1");
        ZaloMessages.OaSent sent = messages.sendConsultation(access, "u1", "Hồ sơ của bạn đã được tiếp nhận",
                "https://example.org/a.png", List.of(new ZaloMessages.Button("Xem hồ sơ", "https://example.org/h/1")));
        assertThat(sent.messageId()).isNotBlank();
        assertThat(zalo.accepted()).singleElement().satisfies(a -> {
            assertThat(a.recipient()).isEqualTo("u1");
            assertThat(a.text()).isEqualTo("Hồ sơ của bạn đã được tiếp nhận");
        });
        zalo.lastInteraction("u1", zalo.now().minus(Duration.ofDays(8)));
        assertThatThrownBy(() -> messages.sendConsultation(access, "u1", "x", null, List.of()))
                .isInstanceOfSatisfying(ZaloException.Permanent.class, e -> assertThat(e.code()).isEqualTo(-230));
        zalo.follow("u2");
        zalo.unfollow("u2");
        assertThatThrownBy(() -> messages.sendTemplate(access, "u2", "t", Map.of()))
                .isInstanceOfSatisfying(ZaloException.Permanent.class, e -> assertThat(e.code()).isEqualTo(-213));
    }

    @Test
    void rateLimitAnswersMinus32AsTransient() {
        String access = tokens().accessToken();
        zalo.follow("u1");
        zalo.ratePerMinute(2);
        messages.sendConsultation(access, "u1", "1", null, List.of());
        messages.sendConsultation(access, "u1", "2", null, List.of());
        assertThatThrownBy(() -> messages.sendConsultation(access, "u1", "3", null, List.of()))
                .isInstanceOfSatisfying(ZaloException.Transient.class, e -> assertThat(e.code()).isEqualTo(-32));
    }

    @Test
    void znsChecksPhoneTemplateDataAndQuota() {
        String access = tokens().accessToken();
        zalo.registerTemplate("2331", Set.of("ten", "ma_ho_so"));
        zalo.dailyQuota(2);
        ZaloMessages.ZnsSent sent = messages.sendZns(access, "0912 345 678", "2331",
                Map.of("ten", "Nguyễn Văn A", "ma_ho_so", "H22-261128-0001"), "n-1");
        assertThat(sent.remainingQuota()).contains(1);
        assertThat(zalo.accepted()).singleElement().satisfies(a -> {
            assertThat(a.recipient()).isEqualTo("84912345678");
            assertThat(a.trackingId()).isEqualTo("n-1");
        });
        assertThatThrownBy(() -> messages.sendZns(access, "0912345678", "9999", Map.of("ten", "A"), "n-2"))
                .isInstanceOfSatisfying(ZaloException.Permanent.class, e -> assertThat(e.code()).isEqualTo(-109));
        assertThatThrownBy(() -> messages.sendZns(access, "0912345678", "2331", Map.of("ten", "A"), "n-3"))
                .isInstanceOfSatisfying(ZaloException.Permanent.class, e -> assertThat(e.code()).isEqualTo(-112));
        zalo.phoneWithoutZalo("84387654321");
        assertThatThrownBy(() -> messages.sendZns(access, "0387654321", "2331", Map.of("ten", "A", "ma_ho_so", "B"), "n-4"))
                .isInstanceOfSatisfying(ZaloException.Permanent.class, e -> assertThat(e.code()).isEqualTo(-118));
        messages.sendZns(access, "0912345679", "2331", Map.of("ten", "A", "ma_ho_so", "B"), "n-5");
        assertThatThrownBy(() -> messages.sendZns(access, "0912345670", "2331", Map.of("ten", "A", "ma_ho_so", "B"), "n-6"))
                .isInstanceOfSatisfying(ZaloException.Permanent.class, e -> assertThat(e.code()).isEqualTo(-144));
        assertThat(messages.znsQuota(access).path("remainingQuota").asText()).isEqualTo("0");
        assertThat(messages.znsStatus(access, sent.msgId()).path("message").asText()).isEqualTo("Sent");
    }

    @Test
    void serverErrorsAndResetsAreTransient() {
        String access = tokens().accessToken();
        zalo.follow("u1");
        zalo.failNext(1, Fault.status(502));
        assertThatThrownBy(() -> messages.sendConsultation(access, "u1", "x", null, List.of()))
                .isInstanceOf(ZaloException.Transient.class);
        zalo.failNext(1, Fault.connectionReset());
        assertThatThrownBy(() -> messages.sendConsultation(access, "u1", "x", null, List.of()))
                .isInstanceOf(ZaloException.Transient.class);
        assertThat(messages.sendConsultation(access, "u1", "x", null, List.of()).messageId()).isNotBlank();
    }

    @Test
    void graphIdentifiesUsersAndGivesTheConsentedPhone() {
        String token = zalo.userToken("app-user-1", "Trần Thị B");
        assertThat(graph.me(token)).satisfies(u -> {
            assertThat(u.id()).isEqualTo("app-user-1");
            assertThat(u.name()).isEqualTo("Trần Thị B");
        });
        assertThatThrownBy(() -> graph.me("forged")).isInstanceOf(ZaloException.class);
        String code = zalo.phoneCode(token, "84912345678");
        assertThat(graph.phone(token, code)).isEqualTo("84912345678");
        assertThatThrownBy(() -> graph.phone(token, code)).as("codes are single use").isInstanceOf(ZaloException.Permanent.class);
    }
}
