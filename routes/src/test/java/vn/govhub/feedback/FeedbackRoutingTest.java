package vn.govhub.feedback;

import org.junit.jupiter.api.Test;
import vn.govhub.feedback.FeedbackSection.Agency;
import vn.govhub.feedback.FeedbackSection.Area;
import vn.govhub.feedback.FeedbackSection.Category;
import vn.govhub.feedback.FeedbackSection.Rule;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The routing table: category × area → agency, most specific rule first, the default, and where a place lies. */
class FeedbackRoutingTest {

    private static final Area WARD_1 = new Area("25456", "Phường 1", List.of(List.of(11.30, 106.09), List.of(11.30, 106.11),
            List.of(11.32, 106.11), List.of(11.32, 106.09)));
    /** A triangle, so that a point inside its box but outside it is told apart. */
    private static final Area WARD_2 = new Area("25459", "Phường 2", List.of(List.of(11.33, 106.09), List.of(11.33, 106.11),
            List.of(11.35, 106.09)));

    private static FeedbackRouting routing(List<Rule> rules) {
        return new FeedbackRouting(new FeedbackSection(true, 5, 5_000_000, 4000, 5, 200, Duration.ofHours(72),
                new FeedbackSection.Bounds(10.9, 105.8, 11.8, 106.6), List.of(WARD_1, WARD_2),
                List.of(category("dien"), category("moi-truong"), category("giao-thong")),
                List.of(agency("dien-luc"), agency("ubnd-p1"), agency("ubnd-p2"), agency("so-gtvt"), agency("van-phong")),
                rules, "van-phong", new FeedbackSection.Open311(false, List.of()), List.of()));
    }

    private static Category category(String code) {
        return new Category(code, code, null, null, List.of(), Duration.ofHours(72), List.of());
    }

    private static Agency agency(String id) {
        return new Agency(id, id, null);
    }

    private final FeedbackRouting table = routing(List.of(
            new Rule("*", List.of(), "so-gtvt"),
            new Rule("*", List.of("25459"), "ubnd-p2"),
            new Rule("moi-truong", List.of("25456"), "ubnd-p1"),
            new Rule("dien", List.of(), "dien-luc")));

    @Test
    void theMostSpecificRuleWinsWhateverItsPlaceInTheFile() {
        assertThat(table.route("moi-truong", "25456").agency()).isEqualTo("ubnd-p1");  // category and area
        assertThat(table.route("dien", "25459").agency()).isEqualTo("dien-luc");       // category anywhere beats area
        assertThat(table.route("moi-truong", "25459").agency()).isEqualTo("ubnd-p2");  // any category in an area
        assertThat(table.route("giao-thong", "25456").agency()).isEqualTo("so-gtvt");  // any category anywhere
        assertThat(table.route("moi-truong", null).agency()).isEqualTo("so-gtvt");     // no known place
        assertThat(table.route("moi-truong", "25456").reason()).contains("rule 3");
    }

    @Test
    void withoutAMatchingRuleTheDefaultAgencyAnswers() {
        FeedbackRouting narrow = routing(List.of(new Rule("dien", List.of("25456"), "dien-luc")));
        assertThat(narrow.route("dien", "25456").agency()).isEqualTo("dien-luc");
        assertThat(narrow.route("dien", "25459").agency()).isEqualTo("van-phong");
        assertThat(narrow.route("dien", "25459").reason()).isEqualTo("default agency");
        assertThat(narrow.route("moi-truong", null).agency()).isEqualTo("van-phong");
    }

    @Test
    void aPlaceIsFoundInItsWardOutlineAndTheProvinceBounds() {
        assertThat(table.areaAt(11.31, 106.10)).contains("25456");
        assertThat(table.areaAt(11.335, 106.095)).contains("25459");
        assertThat(table.areaAt(11.345, 106.105)).as("inside the triangle's box, outside the triangle").isEmpty();
        assertThat(table.areaAt(11.5, 106.3)).isEmpty();
        assertThat(table.inProvince(11.5, 106.3)).isTrue();
        assertThat(table.inProvince(21.03, 105.85)).as("Hà Nội").isFalse();
        assertThat(table.knowsArea("25459")).isTrue();
        assertThat(table.knowsArea("99999")).isFalse();
    }

    @Test
    void aSelfCrossingOutlineIsRefused() {
        Area bowtie = new Area("x", "x", List.of(List.of(11.0, 106.0), List.of(11.1, 106.1), List.of(11.0, 106.1), List.of(11.1, 106.0)));
        assertThatThrownBy(() -> new FeedbackRouting(new FeedbackSection(true, 5, 5_000_000, 4000, 5, 200, Duration.ofHours(1),
                new FeedbackSection.Bounds(10.9, 105.8, 11.8, 106.6), List.of(bowtie), List.of(category("dien")),
                List.of(agency("a")), List.of(), "a", new FeedbackSection.Open311(false, List.of()), List.of())))
                .hasMessageContaining("crosses itself");
    }

    @Test
    void configurationNamingAnUnknownAgencyOrAreaIsInvalid() {
        FeedbackSection bad = new FeedbackSection(true, 5, 5_000_000, 4000, 5, 200, Duration.ofHours(1),
                new FeedbackSection.Bounds(10.9, 105.8, 11.8, 106.6), List.of(WARD_1), List.of(category("dien")),
                List.of(agency("a")), List.of(new Rule("dien", List.of("00000"), "b")), "a",
                new FeedbackSection.Open311(false, List.of()), List.of());
        assertThat(bad.isAgencyKnown()).isFalse();
        assertThat(bad.isRoutingKnown()).isFalse();
        assertThat(bad.isComplete()).isTrue();
        assertThat(Map.of("ok", routing(List.of()).route("dien", null).agency())).containsEntry("ok", "van-phong");
    }
}
