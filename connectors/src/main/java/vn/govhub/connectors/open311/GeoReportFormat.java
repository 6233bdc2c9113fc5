package vn.govhub.connectors.open311;

import java.util.Locale;

/** The {@code .{fmt}} suffix of every GeoReport v2 path. XML is the format the specification requires; JSON is optional. */
public enum GeoReportFormat {
    XML("xml", "text/xml; charset=utf-8"),
    JSON("json", "application/json; charset=utf-8");

    private final String extension;
    private final String contentType;

    GeoReportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    /** The {@code Content-Type} to answer with; both renderings are UTF-8. */
    public String contentType() {
        return contentType;
    }

    /**
     * The format named by a path suffix ({@code xml}, {@code json}, any case).
     *
     * @throws IllegalArgumentException for any other suffix (the caller answers 404: no such resource)
     */
    public static GeoReportFormat ofExtension(String extension) {
        if (extension != null) {
            for (GeoReportFormat format : values()) {
                if (format.extension.equals(extension.toLowerCase(Locale.ROOT))) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException("format must be xml or json, not " + extension);
    }
}
