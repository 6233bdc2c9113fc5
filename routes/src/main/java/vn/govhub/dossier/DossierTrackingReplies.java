package vn.govhub.dossier;

import org.springframework.stereotype.Component;
import vn.govhub.api.Texts;
import vn.govhub.zalo.TrackingCodeReplies;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OA's auto-reply: a tracking code in a citizen's message gets that dossier's status back (no personal data). */
@Component
class DossierTrackingReplies implements TrackingCodeReplies {

    private static final Pattern CODE = Pattern.compile("\\b([A-Za-z0-9.]{2,32}-\\d{6}-\\d{4,6})\\b");

    private final DossierStore store;
    private final Texts texts;

    DossierTrackingReplies(DossierStore store, Texts texts) {
        this.store = store;
        this.texts = texts;
    }

    @Override
    public Optional<String> replyTo(String province, String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            Optional<DossierStore.Dossier> d = store.byTrackingCode(m.group(1)).filter(x -> x.province().equals(province));
            if (d.isPresent()) {
                return Optional.of(texts.get("dossier.tracking-reply", d.get().trackingCode(), d.get().procedureName(),
                        texts.get(d.get().status().textKey())));
            }
        }
        return Optional.empty();
    }
}
