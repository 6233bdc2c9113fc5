package vn.govhub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.govhub.text.VietnameseText;

class ProcedureIndexTest {

    private static List<SearchDocument> catalogue;
    private static Map<String, SearchDocument> byCode;
    private static ProcedureIndex index;

    @BeforeAll
    static void buildIndex() {
        catalogue = ProcedureCatalogue.documents();
        byCode = catalogue.stream().collect(Collectors.toMap(SearchDocument::code, Function.identity()));
        index = ProcedureIndex.build(catalogue);
    }

    @Test
    void sizeCountsWithdrawnProceduresToo() {
        assertThat(index.size()).isEqualTo(catalogue.size()).isGreaterThan(90);
    }

    @Test
    void codeLookupPutsThatProcedureFirstFarAboveTextMatches() {
        List<Hit> hits = index.search(SearchQuery.text("1.001193", 5)).hits();

        assertThat(hits).extracting(Hit::code).containsExactly("1.001193");
        assertThat(hits.get(0).name()).isEqualTo("Đăng ký khai sinh");
    }

    @Test
    void hitCarriesTheDisplayFieldsOfItsDocument() {
        Hit hit = index.search(SearchQuery.text("1.001193", 1)).hits().get(0);
        SearchDocument source = byCode.get("1.001193");

        assertThat(hit).isEqualTo(new Hit(source.code(), source.name(), source.sectorName(), source.levels(),
                source.onlineLevel(), source.processingTime(), source.fee(), hit.score()));
        assertThat(hit.score()).isPositive();
    }

    @Test
    void oldAndNewTonePlacementScoreIdentically() {
        List<Hit> oldStyle = index.search(SearchQuery.text("thoả thuận phân chia", 10)).hits();
        List<Hit> newStyle = index.search(SearchQuery.text("thỏa thuận phân chia", 10)).hits();

        assertThat(oldStyle).isEqualTo(newStyle).isNotEmpty();
    }

    @Test
    void decomposedAndComposedQueriesScoreIdentically() {
        String query = "Đăng ký kết hôn có yếu tố nước ngoài";
        List<Hit> composed = index.search(SearchQuery.text(query, 10)).hits();
        List<Hit> decomposed = index.search(SearchQuery.text(Normalizer.normalize(query, Normalizer.Form.NFD), 10))
                .hits();

        assertThat(decomposed).isEqualTo(composed).isNotEmpty();
    }

    @Test
    void accentExactMatchOutranksFoldedOnlyMatch() {
        List<String> accented = names(index.search(SearchQuery.text("bán", 50)));
        List<String> plain = names(index.search(SearchQuery.text("ban", 50)));

        assertThat(accented).contains(ProcedureCatalogue.BAN_QUAN_LY);
        assertThat(accented.indexOf("Cấp giấy phép bán lẻ sản phẩm rượu"))
                .isLessThan(accented.indexOf(ProcedureCatalogue.BAN_QUAN_LY));
        assertThat(plain).contains("Cấp giấy phép bán lẻ sản phẩm rượu");
        assertThat(plain.indexOf(ProcedureCatalogue.BAN_QUAN_LY))
                .isLessThan(plain.indexOf("Cấp giấy phép bán lẻ sản phẩm rượu"));
    }

    @Test
    void nameMatchesRankAboveRequiredDocumentMatches() {
        List<String> hits = names(index.search(SearchQuery.text("chứng chỉ hành nghề", 20)));

        // "Bản sao chứng chỉ hành nghề ..." is a required document of the clinic licence, not in its name
        assertThat(hits).startsWith("Cấp chứng chỉ hành nghề hoạt động xây dựng",
                "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh");
        assertThat(hits).contains("Cấp giấy phép hoạt động đối với phòng khám đa khoa");
    }

    @Test
    void requiredDocumentNameAloneFindsTheProcedure() {
        List<String> hits = names(index.search(SearchQuery.text("giay chung sinh", 50)));

        assertThat(hits).contains("Đăng ký khai sinh");
    }

    @Test
    void allWordsMatchOutranksPartialMatch() {
        List<String> hits = names(index.search(SearchQuery.text("dang ky ket hon", 50)));

        int lastFull = hits.lastIndexOf("Đăng ký kết hôn có yếu tố nước ngoài");
        assertThat(hits.subList(0, lastFull + 1)).allSatisfy(name ->
                assertThat(VietnameseText.fold(name)).contains("dang ky").contains("ket hon"));
        assertThat(hits).contains("Đăng ký khai sinh"); // half the words is enough to be listed
        assertThat(hits.indexOf("Đăng ký khai sinh")).isGreaterThan(lastFull);
    }

    @Test
    void sectorFilterKeepsOnlyThatSector() {
        SearchResult result = index.search(new SearchQuery("dang ky", "ho-tich", null, null, null, false, null, 50));

        assertThat(result.hits()).isNotEmpty().allSatisfy(hit -> assertThat(hit.sectorName()).isEqualTo("Hộ tịch"));
        assertThat(result.hits()).extracting(Hit::name).doesNotContain("Đăng ký thường trú");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xã", "xa", "XÃ", "Xa\u0303"})
    void levelFilterIgnoresCaseAccentsAndUnicodeForm(String level) {
        SearchResult result = index.search(new SearchQuery("giay phep", null, level, null, null, false, null, 50));

        assertThat(result.hits()).isNotEmpty().allSatisfy(hit -> assertThat(hit.levels()).containsExactly("xã"));
        long expected = catalogue.stream().filter(SearchDocument::active)
                .filter(d -> d.levels().contains("xã")).count();
        SearchResult browse = index.search(new SearchQuery(null, null, level, null, null, false, null, 50));
        assertThat(browse.total()).isEqualTo(expected);
    }

    @Test
    void onlineLevelAndAgencyFiltersCombine() {
        SearchResult result = index.search(
                new SearchQuery("cap", null, null, "so-xay-dung", "FULL", false, null, 50));

        List<SearchDocument> expected = catalogue.stream()
                .filter(d -> d.agencyCodes().contains("so-xay-dung") && d.onlineLevel().equals("FULL"))
                .filter(d -> VietnameseText.fold(d.name()).startsWith("cap "))
                .toList();
        assertThat(expected).isNotEmpty();
        assertThat(result.hits()).extracting(Hit::code)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(SearchDocument::code).toList());
        assertThat(result.hits()).allSatisfy(hit -> assertThat(hit.onlineLevel()).isEqualTo("FULL"));
    }

    @Test
    void withdrawnProcedureIsHiddenUnlessAskedFor() {
        String text = "dang ky khai sinh luu dong";
        SearchResult active = index.search(SearchQuery.text(text, 50));
        SearchResult all = index.search(new SearchQuery(text, null, null, null, null, true, null, 50));

        assertThat(names(active)).isNotEmpty().doesNotContain(ProcedureCatalogue.WITHDRAWN);
        assertThat(all.hits().get(0).name()).isEqualTo(ProcedureCatalogue.WITHDRAWN);
        assertThat(all.total()).isEqualTo(active.total() + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "kết hôn AND (", "\"đăng ký kết hôn", "kết~ hôn*", "thủ tục: kết hôn", "+kết -hôn^2 [a TO z]"})
    void querySyntaxCharactersAreOrdinaryText(String text) {
        List<Hit> hits = index.search(SearchQuery.text(text, 5)).hits();

        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).name()).contains("kết hôn");
    }

    @Test
    void longQueryIsCutToItsFirstWords() {
        String text = "đăng ký kết hôn " + "rất rất ".repeat(50);

        assertThat(index.search(SearchQuery.text(text, 5)).hits().get(0).name()).isEqualTo("Đăng ký kết hôn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u00a0"})
    void blankTextBrowsesActiveProceduresInNameOrder(String text) {
        SearchResult result = index.search(new SearchQuery(text, null, null, null, null, false, null, 50));

        List<String> expectedOrder = catalogue.stream().filter(SearchDocument::active)
                .sorted(Comparator.comparing((SearchDocument d) -> VietnameseText.fold(d.name())))
                .map(SearchDocument::name).limit(50).toList();
        assertThat(names(result)).containsExactlyElementsOf(expectedOrder);
        assertThat(result.total()).isEqualTo(catalogue.stream().filter(SearchDocument::active).count());
        assertThat(result.hits()).allSatisfy(hit -> assertThat(hit.score()).isZero());
    }

    @Test
    void nullTextBrowsesLikeBlankText() {
        assertThat(index.search(SearchQuery.text(null, 20)))
                .isEqualTo(index.search(SearchQuery.text("", 20)));
    }

    @Test
    void textWithoutWordsFindsNothing() {
        SearchResult result = index.search(SearchQuery.text("?!-", 10));

        assertThat(result.hits()).isEmpty();
        assertThat(result.total()).isZero();
        assertThat(result.nextCursor()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dang ky", "cap giay", ""})
    void pagesFollowOneAnotherWithoutDuplicatesOrGaps(String text) {
        List<String> paged = new ArrayList<>();
        SearchQuery query = SearchQuery.text(text, 7);
        SearchResult page;
        int pages = 0;
        do {
            page = index.search(query);
            page.hits().forEach(hit -> paged.add(hit.code()));
            query = query.withCursor(page.nextCursor());
            pages++;
        } while (page.nextCursor() != null);

        SearchResult whole = index.search(SearchQuery.text(text, 50));
        assertThat(paged).doesNotHaveDuplicates().hasSize((int) whole.total());
        assertThat(pages).isGreaterThan(1);
        assertThat(paged.subList(0, Math.min(50, paged.size())))
                .containsExactlyElementsOf(whole.hits().stream().map(Hit::code).toList());
    }

    @Test
    void cursorMayChangePageSize() {
        SearchResult first = index.search(SearchQuery.text("giay phep", 5));
        SearchResult second = index.search(SearchQuery.text("giay phep", 10).withCursor(first.nextCursor()));
        SearchResult whole = index.search(SearchQuery.text("giay phep", 15));

        assertThat(second.hits()).isEqualTo(whole.hits().subList(5, 15));
    }

    @Test
    void cursorFromAnotherQueryIsRejected() {
        String cursor = index.search(SearchQuery.text("dang ky", 5)).nextCursor();

        assertThat(cursor).isNotNull();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> index.search(SearchQuery.text("cap giay", 5).withCursor(cursor)))
                .withMessageContaining("another query");
        assertThatIllegalArgumentException().isThrownBy(() -> index.search(
                new SearchQuery("dang ky", "ho-tich", null, null, null, false, cursor, 5)));
        assertThatIllegalArgumentException().isThrownBy(() -> index.search(
                new SearchQuery("dang ky", null, null, null, null, true, cursor, 5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-cursor", "AAAA", "!!"})
    void malformedCursorIsRejected(String cursor) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> index.search(SearchQuery.text("dang ky", 5).withCursor(cursor)))
                .withMessageContaining("cursor");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 51})
    void limitOutsideOneToFiftyIsRejected(int limit) {
        assertThatIllegalArgumentException().isThrownBy(() -> SearchQuery.text("dang ky", limit))
                .withMessageContaining("limit");
    }

    @Test
    void duplicateCodesAreRejected() {
        SearchDocument first = catalogue.get(0);
        SearchDocument twin = new SearchDocument(first.code(), "Thủ tục khác", List.of(), "", List.of(), List.of(),
                "FULL", List.of(), "", "", true);

        assertThatIllegalArgumentException().isThrownBy(() -> ProcedureIndex.build(List.of(first, twin)))
                .withMessageContaining(first.code());
    }

    @Test
    void unknownOnlineLevelIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SearchDocument("1.1", "Thủ tục", List.of(), "",
                List.of(), List.of(), "SOMETIMES", List.of(), "", "", true));
    }

    @Test
    void decomposedDocumentIsStoredAndFoundComposed() {
        String decomposed = Normalizer.normalize("Cấp giấy phép lữ hành quốc tế", Normalizer.Form.NFD);
        ProcedureIndex small = ProcedureIndex.build(List.of(new SearchDocument("2.000001", decomposed, List.of(),
                "Du lịch", List.of("tỉnh"), List.of(), "PARTIAL", List.of(), "", "", true)));

        List<Hit> hits = small.search(SearchQuery.text("lữ hành quốc tế", 5)).hits();

        assertThat(hits).extracting(Hit::name).containsExactly("Cấp giấy phép lữ hành quốc tế");
    }

    @Test
    void emptyCatalogueBuildsAnEmptyIndex() {
        ProcedureIndex empty = ProcedureIndex.build(List.of());

        assertThat(empty.size()).isZero();
        assertThat(empty.search(SearchQuery.text("dang ky", 10)).hits()).isEmpty();
        assertThat(empty.search(SearchQuery.text(null, 10)).total()).isZero();
    }

    @Test
    void concurrentSearchesGetTheSameResultsAsSequentialOnes() throws Exception {
        List<String> texts = List.of("dang ky ket hon", "giay phep xay dung", "1.001193", "thuỷ sản", "dang ky kh",
                "", "cap lai", "chung thuc");
        Map<String, SearchResult> sequential = texts.stream()
                .collect(Collectors.toMap(Function.identity(), t -> index.search(SearchQuery.text(t, 20))));
        List<Callable<Boolean>> tasks = IntStream.range(0, 80)
                .mapToObj(i -> texts.get(i % texts.size()))
                .<Callable<Boolean>>map(t -> () -> index.search(SearchQuery.text(t, 20)).equals(sequential.get(t)))
                .toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Boolean> same : pool.invokeAll(tasks)) {
                assertThat(same.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> names(SearchResult result) {
        return result.hits().stream().map(Hit::name).toList();
    }
}
