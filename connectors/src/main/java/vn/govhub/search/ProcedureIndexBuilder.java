package vn.govhub.search;

import static vn.govhub.search.ProcedureFields.ACTIVE;
import static vn.govhub.search.ProcedureFields.AGENCY;
import static vn.govhub.search.ProcedureFields.CODE;
import static vn.govhub.search.ProcedureFields.CODE_SORT;
import static vn.govhub.search.ProcedureFields.DOCUMENTS_EXACT;
import static vn.govhub.search.ProcedureFields.DOCUMENTS_FOLDED;
import static vn.govhub.search.ProcedureFields.LEVEL;
import static vn.govhub.search.ProcedureFields.NAME_EXACT;
import static vn.govhub.search.ProcedureFields.NAME_FOLDED;
import static vn.govhub.search.ProcedureFields.NAME_SORT;
import static vn.govhub.search.ProcedureFields.ONLINE_LEVEL;
import static vn.govhub.search.ProcedureFields.ORDINAL;
import static vn.govhub.search.ProcedureFields.SECTOR;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.memory.DirectPostingsFormat;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import vn.govhub.text.VietnameseText;

/**
 * Writes a catalogue into an in-memory index once per catalogue sync: one segment, doc ids in name-then-code
 * order, postings as plain arrays. Nothing writes to it afterwards, which is what lets every search share one
 * searcher without locking.
 */
final class ProcedureIndexBuilder {

    /**
     * The index opened for searching, and the source document of each Lucene doc id.
     */
    record Built(IndexSearcher searcher, SearchDocument[] documentsByDocId) {
    }

    private ProcedureIndexBuilder() {
    }

    /**
     * Indexes {@code ordered}, withdrawn ones included.
     *
     * @throws IllegalArgumentException if two documents share a code
     */
    static Built build(List<SearchDocument> ordered) throws IOException {
        Set<String> codes = new HashSet<>();
        for (SearchDocument document : ordered) {
            if (!codes.add(document.code())) {
                throw new IllegalArgumentException("duplicate procedure code " + document.code());
            }
        }
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        // Doc ids in name-then-code order: relevance ties then fall to doc id order, which is what the
        // score-only collector uses, and browsing reads the index in order.
        IndexWriterConfig config = new IndexWriterConfig(ProcedureFields.ANALYZER)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setIndexSort(ProcedureFields.BY_NAME).setCodec(new InMemoryCodec());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < ordered.size(); i++) {
                writer.addDocument(toLucene(ordered.get(i), i));
            }
            writer.forceMerge(1);
        }
        DirectoryReader reader = DirectoryReader.open(directory);
        SearchDocument[] byDocId = new SearchDocument[reader.maxDoc()];
        StoredFields storedFields = reader.storedFields();
        for (int docId = 0; docId < byDocId.length; docId++) {
            int ordinal = storedFields.document(docId).getField(ORDINAL).numericValue().intValue();
            byDocId[docId] = ordered.get(ordinal);
        }
        return new Built(new IndexSearcher(reader), byDocId);
    }

    /**
     * Keeps postings as plain arrays instead of compressed blocks: a catalogue is a few thousand procedures, so
     * the extra memory is a few megabytes, and decoding compressed postings was most of a broad query's time.
     */
    private static final class InMemoryCodec extends FilterCodec {
        private final PostingsFormat direct = new DirectPostingsFormat();

        InMemoryCodec() {
            super(Codec.getDefault().getName(), Codec.getDefault());
        }

        @Override
        public PostingsFormat postingsFormat() {
            return new PerFieldPostingsFormat() {
                @Override
                public PostingsFormat getPostingsFormatForField(String field) {
                    return direct;
                }
            };
        }
    }

    private static Document toLucene(SearchDocument source, int ordinal) {
        Document document = new Document();
        document.add(new StringField(CODE, source.code(), Field.Store.NO));
        document.add(new StoredField(ORDINAL, ordinal));
        document.add(new TextField(NAME_EXACT, source.name(), Field.Store.NO));
        document.add(new TextField(NAME_FOLDED, source.name(), Field.Store.NO));
        for (String documentName : source.documentNames()) {
            document.add(new TextField(DOCUMENTS_EXACT, documentName, Field.Store.NO));
            document.add(new TextField(DOCUMENTS_FOLDED, documentName, Field.Store.NO));
        }
        addKeys(document, SECTOR, source.sectorCodes());
        addKeys(document, LEVEL, source.levels());
        addKeys(document, AGENCY, source.agencyCodes());
        addKeys(document, ONLINE_LEVEL, List.of(source.onlineLevel()));
        document.add(new StringField(ACTIVE, Boolean.toString(source.active()), Field.Store.NO));
        String nameKey = VietnameseText.fold(source.name()) + '\u0000' + source.name().toLowerCase(Locale.ROOT);
        document.add(new SortedDocValuesField(NAME_SORT, new BytesRef(nameKey)));
        document.add(new SortedDocValuesField(CODE_SORT, new BytesRef(source.code())));
        return document;
    }

    private static void addKeys(Document document, String field, List<String> values) {
        values.stream().map(ProcedureFields::filterKey).distinct()
                .forEach(key -> document.add(new StringField(field, key, Field.Store.NO)));
    }
}
