package vn.govhub.catalogue;

/** How far a procedure can be done online in a province: only FULL and PARTIAL accept dossiers. */
public enum OnlineLevel {
    /** DVC trực tuyến toàn trình */
    FULL,
    /** DVC trực tuyến một phần */
    PARTIAL,
    INFO_ONLY;

    public boolean acceptsDossiers() {
        return this != INFO_ONLY;
    }
}
