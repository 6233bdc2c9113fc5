package vn.govhub.connectors.open311;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vn.govhub.connectors.open311.GeoReportFields.Field;
import vn.govhub.connectors.open311.GeoReportFields.Items;

/** The JSON rendering of {@link GeoReportFields}: an object per field list, an array per list of them. */
final class GeoReportJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeoReportJson() {
    }

    static ArrayNode array(List<List<Field>> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(item -> array.add(object(item)));
        return array;
    }

    static ObjectNode object(List<Field> fields) {
        ObjectNode object = NODES.objectNode();
        for (Field field : fields) {
            Object value = field.value();
            if (value instanceof String s) {
                object.put(field.name(), s);
            } else if (value instanceof Boolean b) {
                object.put(field.name(), b);
            } else if (value instanceof Integer i) {
                object.put(field.name(), i);
            } else if (value instanceof Double d) {
                object.put(field.name(), d);
            } else if (value instanceof Items items) {
                object.set(field.name(), array(items.items()));
            } else {
                throw new IllegalStateException("no JSON for " + value.getClass());
            }
        }
        return object;
    }
}
