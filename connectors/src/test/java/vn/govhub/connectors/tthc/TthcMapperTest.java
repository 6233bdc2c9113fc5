package vn.govhub.connectors.tthc;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.govhub.model.Procedure;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TthcMapperTest {

    private final TthcMapper mapper = new TthcMapper();

    private static com.fasterxml.jackson.databind.JsonNode sample(String name) throws IOException {
        try (InputStream in = TthcMapperTest.class.getResourceAsStream("/tthc/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void birthRegistrationMapsEveryPart() throws IOException {
        Procedure p = mapper.procedure(sample("khai-sinh.json"));
        assertThat(p.code()).isEqualTo("1.001193");
        assertThat(p.localCode()).isEqualTo("1.001193.000.00.00.H56");
        assertThat(p.name()).isEqualTo("Đăng ký khai sinh");
        assertThat(p.active()).isTrue();
        assertThat(p.sectors()).containsExactly(new Procedure.Ref("HT", "Hộ tịch"));
        assertThat(p.levels()).extracting(Procedure.Level::tier).containsExactly(Procedure.Tier.COMMUNE);
        assertThat(p.agencies()).extracting(Procedure.Ref::code).containsExactly("000.00.31.H56");
        assertThat(p.steps().get(0).steps()).hasSize(2);
        assertThat(p.channels()).extracting(Procedure.Channel::kind)
                .containsExactly(Procedure.ChannelKind.DIRECT, Procedure.ChannelKind.ONLINE);
        Procedure.Document form = p.documents().get(0).documents().get(0);
        assertThat(form.formUrl()).contains("download_file.jsp?ma=3fd0a1");
        assertThat(form.originals()).isEqualTo(1);
        assertThat(p.documents().get(0).documents().get(1).formUrl()).isNull();
        assertThat(p.legalBasis().get(0).number()).isEqualTo("60/2014/QH13");
        assertThat(p.processingTimeSummary()).isEqualTo("1 Ngày làm việc");
        assertThat(p.feeSummary()).isEqualTo("Không thu phí");
    }

    @Test
    void feesDirectlyUnderTheChannelAreReadToo() throws IOException {
        Procedure p = mapper.procedure(sample("giay-phep-xay-dung.json"));
        assertThat(p.channels().get(0).durations().get(0).fees()).extracting(Procedure.Fee::amount)
                .containsExactly(new BigDecimal("150000"));
        assertThat(p.channels().get(1).kind()).isEqualTo(Procedure.ChannelKind.POSTAL);
        assertThat(p.channels().get(1).durations().get(0).fees()).hasSize(1);
        assertThat(p.feeSummary()).isEqualTo("150.000 Đồng");
        assertThat(p.processingTimeSummary()).isEqualTo("20 Ngày");
        assertThat(p.documents().get(0).documents().get(0).formUrl()).as("Url in other casing").contains("ma=77aa01");
        assertThat(p.legalBasis()).isEmpty();
        assertThat(p.levels().get(0).tier()).isEqualTo(Procedure.Tier.PROVINCE);
    }

    @Test
    void unpublishedProcedureIsInactive() throws IOException {
        var item = (com.fasterxml.jackson.databind.node.ObjectNode) sample("khai-sinh.json");
        item.put("TRANGTHAI", 0);
        assertThat(mapper.procedure(item).active()).isFalse();
    }

    @Test
    void itemWithoutCodeOrNameIsRefused() throws IOException {
        var noCode = (com.fasterxml.jackson.databind.node.ObjectNode) sample("khai-sinh.json");
        noCode.remove("MATTHC");
        assertThatThrownBy(() -> mapper.procedure(noCode)).isInstanceOf(IllegalArgumentException.class);
        var noName = (com.fasterxml.jackson.databind.node.ObjectNode) sample("khai-sinh.json");
        noName.put("TENTTHC", " ");
        assertThatThrownBy(() -> mapper.procedure(noName)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void localCodesReduceToTheNationalCode() {
        assertThat(TthcMapper.nationalCode("1.003560.000.00.00.H56")).isEqualTo("1.003560");
        assertThat(TthcMapper.nationalCode("2.000488")).isEqualTo("2.000488");
    }
}
