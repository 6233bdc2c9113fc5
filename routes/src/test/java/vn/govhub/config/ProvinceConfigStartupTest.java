package vn.govhub.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import vn.govhub.GovhubApplication;
import vn.govhub.dossier.DossiersSection;
import vn.govhub.feedback.FeedbackSection;
import vn.govhub.news.NewsSection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad province file stops start-up with one line naming the file, the key and the reason. */
class ProvinceConfigStartupTest {

    private static final String GOOD = """
            id: sample
            name: "Tỉnh Mẫu"
            news:
              sources:
                - id: portal
                  kind: rss
                  url: "https://portal.example.gov.vn/rss.xml"
                  every: 10m
                  category: chinh-quyen
            """;

    @TempDir
    Path configDir;

    @Test
    void unknownKeyFailsStartUp() throws IOException {
        write(GOOD.replace("name: \"Tỉnh Mẫu\"", "name: \"Tỉnh Mẫu\"\nnmae: typo"));
        assertStartUpFailsWith("key 'nmae' is not a known setting");
    }

    @Test
    void unknownNestedKeyFailsStartUp() throws IOException {
        write(GOOD.replace("category: chinh-quyen", "category: chinh-quyen\n      colour: red"));
        assertStartUpFailsWith("key 'news.sources[0].colour' is not a known setting");
    }

    @Test
    void missingRequiredValueFailsStartUp() throws IOException {
        write(GOOD.replace("      category: chinh-quyen\n", ""));
        assertStartUpFailsWith("key 'news.sources[0].category' must not be blank");
    }

    @Test
    void malformedUrlFailsStartUp() throws IOException {
        write(GOOD.replace("https://portal.example.gov.vn/rss.xml", "htp:/portal example"));
        assertStartUpFailsWith("key 'news.sources[0].url' is not an absolute http(s) URL");
    }

    @Test
    void anIGateOrLgspCaseSystemWithoutItsStatusMapFailsStartUp() throws IOException {
        write(GOOD + """
                dossiers:
                  enabled: true
                  agency-code: "H56.14"
                  case-system:
                    shape: LGSP
                    base-url: "https://lgsp.example.gov.vn"
                    client-id: "hub"
                    client-secret: "${GOVHUB_TEST_SECRET:s}"
                """);
        assertStartUpFailsWith("key 'dossiers.case-system.statusMapGiven' status-map is required for the IGATE and LGSP shapes");
    }

    @Test
    void feedbackRoutedToAnAgencyThatDoesNotExistFailsStartUp() throws IOException {
        write(GOOD + """
                feedback:
                  enabled: true
                  bounds: {min-lat: 10.9, min-long: 105.8, max-lat: 11.8, max-long: 106.6}
                  categories: [{code: "dien", name: "Điện"}]
                  agencies: [{id: "dien-luc", name: "Điện lực"}]
                  routing: [{category: "dien", agency: "dien-lu"}]
                  default-agency: "dien-luc"
                """);
        assertStartUpFailsWith("key 'feedback.agencyKnown' names an agency that is not in feedback.agencies");
    }

    @Test
    void aWardOutlineThatCrossesItselfFailsStartUp() throws IOException {
        write(GOOD + """
                feedback:
                  enabled: true
                  bounds: {min-lat: 10.9, min-long: 105.8, max-lat: 11.8, max-long: 106.6}
                  areas: [{code: "x", name: "x", polygon: [[11.0, 106.0], [11.1, 106.1], [11.0, 106.1], [11.1, 106.0]]}]
                  categories: [{code: "dien", name: "Điện"}]
                  agencies: [{id: "dien-luc", name: "Điện lực"}]
                  default-agency: "dien-luc"
                """);
        assertStartUpFailsWith("key 'feedback.areasValid' an area's polygon crosses itself");
    }

    @Test
    void malformedCronFailsStartUp() throws IOException {
        write(GOOD.replace("every: 10m", "cron: \"0 0 25 * * ?\""));
        assertStartUpFailsWith("key 'news.sources[0].cron' is not a valid Quartz cron expression");
    }

    @Test
    void badDurationFailsStartUp() throws IOException {
        write(GOOD.replace("every: 10m", "every: often"));
        assertStartUpFailsWith("key 'news.sources[0].every' has a bad value 'often'");
    }

    @Test
    void idOtherThanFileNameFailsStartUp() throws IOException {
        write(GOOD.replace("id: sample", "id: other"));
        assertStartUpFailsWith("key 'id' is 'other' but must equal the file name 'sample'");
    }

    @Test
    void goodFileLoads() throws IOException {
        write(GOOD);
        ProvinceProperties province = new ProvinceConfigLoader(new org.springframework.core.env.StandardEnvironment(),
                validator(), List.of(NewsSection.SECTION, DossiersSection.SECTION)).load(configDir).get(0);
        assertThat(province.id()).isEqualTo("sample");
        assertThat(NewsSection.of(province).sources().get(0).maxItems()).isEqualTo(50);
        assertThat(province.enabled()).isTrue();
        assertThat(DossiersSection.of(province).enabled()).as("a section the file leaves out has its defaults").isFalse();
        assertThatThrownBy(() -> province.section(FeedbackSection.SECTION)).as("a section no flow registered")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sectionOfNoFlowIsUnknown() throws IOException {
        write(GOOD + "payments:\n  enabled: true\n");
        assertThatThrownBy(() -> new ProvinceConfigLoader(new org.springframework.core.env.StandardEnvironment(), validator(),
                List.of(NewsSection.SECTION)).load(configDir))
                .isInstanceOf(ConfigurationFileException.class).hasMessageContaining("key 'payments' is not a known setting");
    }

    @Test
    void twoFlowsCannotClaimOneSection() {
        assertThatThrownBy(() -> new ProvinceConfigLoader(new org.springframework.core.env.StandardEnvironment(), validator(),
                List.of(NewsSection.SECTION, new ProvinceSection<>("news", DossiersSection.class))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'news'");
        assertThatThrownBy(() -> new ProvinceSection<>("zone", NewsSection.class)).isInstanceOf(IllegalArgumentException.class);
    }

    private static org.springframework.validation.Validator validator() {
        var validator = new org.springframework.validation.beanvalidation.LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return validator;
    }

    private void write(String yaml) throws IOException {
        Files.createDirectories(configDir.resolve("provinces"));
        Files.writeString(configDir.resolve("provinces/sample.yml"), yaml);
    }

    private void assertStartUpFailsWith(String expected) {
        SpringApplication app = new SpringApplicationBuilder(GovhubApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=OFF")
                .build();
        Path file = configDir.resolve("provinces/sample.yml");
        assertThatThrownBy(() -> app.run("--govhub.config-dir=" + configDir))
                .satisfies(failure -> {
                    Throwable cause = failure;
                    while (!(cause instanceof ConfigurationFileException) && cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).isInstanceOf(ConfigurationFileException.class);
                    assertThat(cause.getMessage())
                            .isEqualTo(cause.getMessage().lines().findFirst().orElseThrow())
                            .startsWith("Invalid configuration " + file + ": ")
                            .contains(expected);
                });
    }
}
