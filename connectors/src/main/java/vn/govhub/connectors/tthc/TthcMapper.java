package vn.govhub.connectors.tthc;

import com.fasterxml.jackson.databind.JsonNode;
import vn.govhub.model.Procedure;
import vn.govhub.model.Procedure.Channel;
import vn.govhub.model.Procedure.ChannelKind;
import vn.govhub.model.Procedure.Document;
import vn.govhub.model.Procedure.DocumentCase;
import vn.govhub.model.Procedure.Duration;
import vn.govhub.model.Procedure.Fee;
import vn.govhub.model.Procedure.LegalBasis;
import vn.govhub.model.Procedure.Level;
import vn.govhub.model.Procedure.Ref;
import vn.govhub.model.Procedure.StepCase;
import vn.govhub.model.Procedure.Tier;
import vn.govhub.text.VietnameseText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place where the national database's upper-case wire fields become a {@link Procedure}. Defensive: key
 * casing varies ({@code URL} / {@code Url}), numbers arrive as numbers or strings, arrays may be null or absent,
 * and fees sit either inside a processing time ({@code THOIGIAN[].PHILEPHI}) or directly under the channel.
 */
public class TthcMapper {

    public Procedure procedure(JsonNode item) {
        String rawCode = text(item, "MATTHC");
        if (rawCode == null) {
            throw new IllegalArgumentException("MATTHC is missing");
        }
        String code = nationalCode(rawCode.trim());
        String localCode = code.equals(rawCode.trim()) ? null : rawCode.trim();
        return new Procedure(
                code,
                localCode,
                clean(text(item, "TENTTHC")),
                text(item, "LOAITTHC"),
                list(item, "LINHVUCTHUCHIEN", n -> new Ref(text(n, "MALINHVUC"), clean(text(n, "TENLINHVUC")))),
                list(item, "CAPTHUCHIEN", n -> new Level(tier(integer(n, "CAPTHUCHIEN", -1)),
                        clean(text(n, "MOTACOQUANTHUCHIEN")), clean(text(n, "DIACHITIEPNHAN")))),
                list(item, "COQUANTHUCHIEN", n -> new Ref(text(n, "MADONVI"), clean(text(n, "TENDONVI")))),
                list(item, "DOITUONGTHUCHIEN", n -> clean(text(n, "TENDOITUONG"))),
                list(item, "TRINHTUTHUCHIEN", n -> new StepCase(clean(text(n, "TRUONGHOP")),
                        list(n, "TRINHTU", s -> clean(text(s, "TENTRINHTU"))))),
                list(item, "CACHTHUCTHUCHIEN", this::channel),
                list(item, "THANHPHANHOSO", n -> new DocumentCase(clean(text(n, "TRUONGHOP")),
                        list(n, "GIAYTO", this::document))),
                list(item, "KETQUATHUCHIEN", n -> new Ref(text(n, "MAKETQUA"), clean(text(n, "TENKETQUA")))),
                list(item, "CANCUPHAPLY", n -> new LegalBasis(text(n, "SOVANBAN"), clean(text(n, "TENVANBAN")))),
                clean(text(item, "YEUCAU")),
                text(item, "IDQUYETDINHCONGBO"),
                text(item, "MACOQUANCONGBO"),
                integer(item, "TRANGTHAI", 0) == 1);
    }

    /** {@code 1.003560.000.00.00.H56} → {@code 1.003560}. */
    static String nationalCode(String code) {
        String[] parts = code.split("\\.");
        return parts.length > 2 ? parts[0] + "." + parts[1] : code;
    }

    private Channel channel(JsonNode n) {
        ChannelKind kind = switch (integer(n, "KENH", 0)) {
            case 1 -> ChannelKind.DIRECT;
            case 2 -> ChannelKind.ONLINE;
            case 3 -> ChannelKind.POSTAL;
            default -> null;
        };
        List<Fee> channelFees = list(n, "PHILEPHI", this::fee);
        List<Duration> durations = new ArrayList<>(list(n, "THOIGIAN", t -> new Duration(decimal(t, "THOIGIANGIAIQUYET"),
                clean(text(t, "DONVITINH")), clean(text(t, "MOTA")), list(t, "PHILEPHI", this::fee))));
        if (!channelFees.isEmpty()) {
            // fees given beside the times rather than inside them: attach them to the first time (or a bare one)
            if (durations.isEmpty()) {
                durations.add(new Duration(null, null, null, channelFees));
            } else {
                Duration first = durations.get(0);
                List<Fee> merged = new ArrayList<>(first.fees());
                merged.addAll(channelFees);
                durations.set(0, new Duration(first.amount(), first.unit(), first.description(), merged));
            }
        }
        return new Channel(kind, durations);
    }

    private Fee fee(JsonNode n) {
        return new Fee(text(n, "MAPHILEPHI"), decimal(n, "SOTIEN"), clean(text(n, "DONVI")), clean(text(n, "MOTA")));
    }

    private Document document(JsonNode n) {
        return new Document(text(n, "MAGIAYTO"), clean(text(n, "TENGIAYTO")), clean(text(n, "TENMAUDON")),
                text(n, "URL"), integer(n, "SOBANCHINH", 0), integer(n, "SOBANSAO", 0));
    }

    private static Tier tier(int level) {
        return switch (level) {
            case 0 -> Tier.CENTRAL;
            case 1 -> Tier.PROVINCE;
            case 2 -> Tier.DISTRICT;
            case 3 -> Tier.COMMUNE;
            default -> null;
        };
    }

    /** The value of {@code key}, whatever its casing; null when absent, null or blank. */
    static String text(JsonNode node, String key) {
        JsonNode value = field(node, key);
        if (value == null || value.isNull() || value.isMissingNode() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    private static JsonNode field(JsonNode node, String key) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(key);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    static int integer(JsonNode node, String key, int fallback) {
        BigDecimal value = decimal(node, key);
        return value == null ? fallback : value.intValue();
    }

    static BigDecimal decimal(JsonNode node, String key) {
        String text = text(node, key);
        if (text == null) {
            return null;
        }
        try {
            // "75.000" and "75,000" both mean seventy-five thousand in Vietnamese money texts
            String digits = text.trim().replaceAll("[\\s.,](?=\\d{3}(\\D|$))", "");
            return new BigDecimal(digits.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T> List<T> list(JsonNode node, String key, Function<JsonNode, T> each) {
        JsonNode array = field(node, key);
        List<T> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (JsonNode element : array) {
            if (element != null && !element.isNull()) {
                T value = each.apply(element);
                if (value != null) {
                    out.add(value);
                }
            }
        }
        return out;
    }

    private static String clean(String text) {
        return text == null ? null : VietnameseText.collapseWhitespace(VietnameseText.nfc(text)).trim();
    }
}
