package vn.govhub.connectors.open311;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.govhub.connectors.open311.GeoReportFields.Field;
import vn.govhub.connectors.open311.GeoReportFields.Items;

/**
 * The XML rendering of {@link GeoReportFields}: UTF-8 with the declaration, one element per field, nested lists
 * wrapped in the field's element. Written with StAX rather than a mapper so that what XML cannot carry is
 * decided here, character by character, and never left to a library's defaults.
 */
final class GeoReportXml {

    /** The JDK's own StAX writer, whatever else is on the class path (Woodstox escapes and validates differently). */
    private final XMLOutputFactory xmlFactory = XMLOutputFactory.newDefaultFactory();

    /**
     * A document: {@code root} wrapping one {@code itemElement} per item, or the item's fields directly when
     * {@code itemElement} is null.
     */
    String document(String root, String itemElement, List<List<Field>> items) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = xmlFactory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(root);
            for (List<Field> item : items) {
                if (itemElement == null) {
                    writeFields(xml, item);
                } else {
                    xml.writeStartElement(itemElement);
                    writeFields(xml, item);
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("an Open311 XML document could not be written", e);
        }
        return out.toString();
    }

    /** The discovery document: its few fixed elements, the one endpoint and its two formats. */
    String discovery(Discovery d) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = xmlFactory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("discovery");
            element(xml, "changeset", d.changeset());
            element(xml, "contact", d.contact());
            element(xml, "key_service", d.keyService());
            xml.writeStartElement("endpoints");
            xml.writeStartElement("endpoint");
            element(xml, "specification", Discovery.SPECIFICATION);
            element(xml, "url", d.url());
            element(xml, "changeset", d.changeset());
            element(xml, "type", "production");
            xml.writeStartElement("formats");
            element(xml, "format", "text/xml");
            element(xml, "format", "application/json");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("an Open311 discovery document could not be written", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        if (text != null) {
            xml.writeStartElement(name);
            writeText(xml, text);
            xml.writeEndElement();
        }
    }

    private void writeFields(XMLStreamWriter xml, List<Field> fields) throws XMLStreamException {
        for (Field field : fields) {
            xml.writeStartElement(field.name());
            Object value = field.value();
            if (value instanceof Items items) {
                for (List<Field> item : items.items()) {
                    xml.writeStartElement(items.element());
                    writeFields(xml, item);
                    xml.writeEndElement();
                }
            } else if (value instanceof Double d) {
                // plain decimal notation: XML readers of coordinates do not all take 1.0E-7
                xml.writeCharacters(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
            } else if (value instanceof String s) {
                writeText(xml, s);
            } else {
                xml.writeCharacters(value.toString());
            }
            xml.writeEndElement();
        }
    }

    /**
     * Text as XML 1.0 can carry it: characters XML forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become
     * U+FFFD, and carriage returns go out as {@code &#xD;} so that a parser gives back the CRLF a form sent.
     */
    private static void writeText(XMLStreamWriter xml, String text) throws XMLStreamException {
        StringBuilder run = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\r') {
                xml.writeCharacters(run.toString());
                run.setLength(0);
                xml.writeEntityRef("#xD");
            } else if (c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000) {
                run.appendCodePoint(c);
            } else {
                run.append('\uFFFD');
            }
        }
        xml.writeCharacters(run.toString());
    }
}
