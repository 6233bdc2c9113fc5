package vn.govhub.connectors.portal;

import java.time.Instant;

/**
 * One entry as a source parser found it, before normalisation: strings as they came (entities decoded once
 * by the XML or HTML parser, links possibly relative), nothing validated. Shared by {@link FeedParser} and
 * {@link HtmlListParser}; {@link NewsNormaliser} turns it into the hub's model.
 *
 * @param title       title as found, may contain markup or be null
 * @param link        link as found, may be relative or null
 * @param guid        the feed's own identifier (RSS guid, Atom id), or null when the entry has none
 * @param summaryHtml description or content HTML, unsanitised, or null
 * @param dateText    the published (else updated) date exactly as written, or null
 * @param date        that date when the parser could read it, or null
 * @param imageUrl    image from an enclosure, media element or list thumbnail, possibly relative, or null
 */
public record RawItem(
        String title,
        String link,
        String guid,
        String summaryHtml,
        String dateText,
        Instant date,
        String imageUrl) {
}
