package vn.govhub.sandbox.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One portal's content and its edits. Every access holds this object's monitor, so a feed is always rendered
 * from one consistent list; the rendered views are kept until the next change, because feeds are polled far
 * more often than they change. Changes are stamped by the clock, never earlier than one second after the
 * previous change, so Last-Modified always moves forward even when a test edits twice in the same second.
 */
final class PortalState {

    /** A portal front page keeps this many items; older ones drop off as new ones are published. */
    static final int MAX_ITEMS = 50;

    private final NewsCatalogue.Portal portal;
    private final Instant baseInstant;
    private final Clock clock;
    private final List<NewsItem> items = new ArrayList<>();
    private final Map<String, Rendered> rendered = new LinkedHashMap<>();
    private Instant lastModified;
    private long version;

    /**
     * @param baseInstant the initial news is published before this instant
     * @param clock       stamps publications and edits
     */
    PortalState(NewsCatalogue.Portal portal, Instant baseInstant, Clock clock) {
        this.portal = portal;
        this.baseInstant = baseInstant;
        this.clock = clock;
    }

    NewsCatalogue.Portal portal() {
        return portal;
    }

    synchronized List<NewsItem> items() {
        return List.copyOf(items);
    }

    synchronized int size() {
        return items.size();
    }

    synchronized Instant lastModified() {
        return lastModified;
    }

    /** Back to the initial content. */
    synchronized void reset() {
        items.clear();
        items.addAll(NewsCatalogue.initialItems(portal, baseInstant));
        changed(items.get(0).published());
    }

    /** Publishes a new item at the top, dropping the oldest beyond {@link #MAX_ITEMS}. */
    synchronized NewsItem publish(NewsItemSeed seed) {
        Instant at = nextChangeInstant();
        long id = items.stream().mapToLong(NewsItem::id).max().orElse(portal.firstId()) + 1;
        NewsItem item = NewsCatalogue.item(portal, id, seed, at, id % 2 == 0);
        items.add(0, item);
        if (items.size() > MAX_ITEMS) {
            items.remove(items.size() - 1);
        }
        changed(at);
        return item;
    }

    /**
     * Retitles the item {@code find} picks from the current list; its address and guid stay.
     *
     * @param title already checked with {@link #cleanTitle(String)}
     */
    synchronized NewsItem retitle(Function<List<NewsItem>, Integer> find, String title) {
        int index = find.apply(items);
        Instant at = nextChangeInstant();
        NewsItem edited = items.get(index).withTitle(title, at);
        items.set(index, edited);
        changed(at);
        return edited;
    }

    /** Takes the item with this guid off the portal; false when there was none. */
    synchronized boolean remove(String guid) {
        Optional<Integer> index = indexOf(items, guid);
        index.ifPresent(i -> {
            items.remove((int) i);
            changed(nextChangeInstant());
        });
        return index.isPresent();
    }

    /** The item at this guid (its absolute link, or just its path). */
    synchronized Optional<NewsItem> find(String guid) {
        return indexOf(items, guid).map(items::get);
    }

    /**
     * The view ("RSS", "html-2", ...) of the current items, rendered once per change and base URL. The renderer
     * runs holding this monitor, so it may read {@link #lastModified()} of the same version.
     */
    synchronized Rendered rendered(String view, String baseUrl, Function<List<NewsItem>, byte[]> render) {
        Rendered r = rendered.get(view);
        if (r == null || r.version() != version || !r.baseUrl().equals(baseUrl)) {
            r = Rendered.of(version, baseUrl, render.apply(List.copyOf(items)), lastModified);
            rendered.put(view, r);
        }
        return r;
    }

    /** The title an edit sets: cleaned as a published one is, and not blank. */
    static String cleanTitle(String newTitle) {
        String title = Text.clean(Objects.requireNonNull(newTitle, "newTitle"));
        if (title.isEmpty()) {
            throw new IllegalArgumentException("title is blank");
        }
        return title;
    }

    /** The position of the item with this guid, which may be its absolute link or just its path. */
    static Optional<Integer> indexOf(List<NewsItem> items, String guid) {
        String path = guid.startsWith("http") ? guid.replaceFirst("^https?://[^/]+", "") : guid;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).path().equals(path)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private Instant nextChangeInstant() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant next = lastModified.plusSeconds(1);
        return now.isAfter(next) ? now : next;
    }

    private void changed(Instant at) {
        lastModified = at;
        version++;
        rendered.clear();
    }
}
