package org.armstrace.tracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * The candidate index: one Lucene document per firearm, a projection of the ledger kept in
 * {@code ARMSTRACE_HOME/index/firearms}. It generates candidates only; ranking and explanation are ours. The
 * last ledger entry applied is kept in the commit's user data, so the index catches up from there at start and can
 * be rebuilt from zero at any time.
 */
@Component
class FirearmIndex {

	/** Candidates fetched from the index before our own ranking. */
	static final int CANDIDATES = 200;

	/** Folded 3-grams: they find serials that share most of their characters whatever else went wrong. */
	static final int GRAM = 3;

	static final String LAST_SEQ = "lastSeq";

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	FirearmIndex(@Value("${armstrace.home}") Path home) {
		try {
			this.directory = FSDirectory.open(home.resolve("index").resolve("firearms"));
			// every field is a keyword we build ourselves: no analysis
			this.writer = new IndexWriter(directory, new IndexWriterConfig());
			this.searchers = new SearcherManager(writer, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot open the firearm index", e);
		}
	}

	record Indexed(String id, String recordNumber, String serial, String make, String makeKey, String model,
			String calibre, String type, String country, Integer year, String status) {
	}

	long lastSeq() {
		Map<String, String> data = writer.getLiveCommitData() == null ? Map.of()
				: iterableToMap(writer.getLiveCommitData());
		return Long.parseLong(data.getOrDefault(LAST_SEQ, "-1"));
	}

	private static Map<String, String> iterableToMap(Iterable<Map.Entry<String, String>> entries) {
		Map<String, String> map = new java.util.HashMap<>();
		entries.forEach(e -> map.put(e.getKey(), e.getValue()));
		return map;
	}

	void put(Indexed firearm) {
		Document doc = new Document();
		doc.add(new StringField("id", firearm.id(), Field.Store.YES));
		String normalised = SerialForms.normalise(firearm.serial());
		String folded = SerialForms.fold(normalised);
		doc.add(new StringField("folded", folded, Field.Store.NO));
		for (int i = 0; i + GRAM <= folded.length(); i++) {
			doc.add(new StringField("gram", folded.substring(i, i + GRAM), Field.Store.NO));
		}
		doc.add(new StringField("makeKey", nullToEmpty(firearm.makeKey()), Field.Store.YES));
		doc.add(new StoredField("recordNumber", firearm.recordNumber()));
		doc.add(new StoredField("serial", firearm.serial()));
		doc.add(new StoredField("make", nullToEmpty(firearm.make())));
		doc.add(new StoredField("model", nullToEmpty(firearm.model())));
		doc.add(new StoredField("calibre", nullToEmpty(firearm.calibre())));
		doc.add(new StoredField("type", nullToEmpty(firearm.type())));
		doc.add(new StoredField("country", firearm.country()));
		doc.add(new StoredField("year", firearm.year() == null ? -1 : firearm.year()));
		doc.add(new StoredField("status", nullToEmpty(firearm.status())));
		try {
			writer.updateDocument(new Term("id", firearm.id()), doc);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	java.util.Optional<Indexed> get(String id) {
		return search(new TermQuery(new Term("id", id)), 1).stream().findFirst();
	}

	/** Makes what was put visible to searches and durable, with the last ledger entry it reflects. */
	void commit(long lastSeq) {
		try {
			writer.setLiveCommitData(Map.of(LAST_SEQ, Long.toString(lastSeq)).entrySet());
			writer.commit();
			searchers.maybeRefresh();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void clear() {
		try {
			writer.deleteAll();
			commit(-1);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Candidates for an observed serial (normalised); the make, when known, only raises a candidate. */
	List<Indexed> candidates(String observed, String makeKey) {
		String folded = SerialForms.fold(observed);
		BooleanQuery.Builder serial = new BooleanQuery.Builder();
		if (SerialForms.hasWildcards(observed)) {
			serial.add(new BoostQuery(new WildcardQuery(new Term("folded", folded)), 8), BooleanClause.Occur.SHOULD);
			// a missing leading part: the pattern anywhere in the serial
			serial.add(new WildcardQuery(new Term("folded", "*" + folded)), BooleanClause.Occur.SHOULD);
		}
		else {
			serial.add(new BoostQuery(new TermQuery(new Term("folded", folded)), 10), BooleanClause.Occur.SHOULD);
			serial.add(new BoostQuery(new FuzzyQuery(new Term("folded", folded), 2, 0, 100, true), 4),
					BooleanClause.Occur.SHOULD);
			serial.add(new WildcardQuery(new Term("folded", "*" + folded)), BooleanClause.Occur.SHOULD);
		}
		for (String fragment : folded.split("[?*]")) {
			for (int i = 0; i + GRAM <= fragment.length(); i++) {
				serial.add(new TermQuery(new Term("gram", fragment.substring(i, i + GRAM))), BooleanClause.Occur.SHOULD);
			}
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(serial.build(), BooleanClause.Occur.MUST);
		if (makeKey != null && !makeKey.isEmpty()) {
			query.add(new TermQuery(new Term("makeKey", makeKey)), BooleanClause.Occur.SHOULD);
		}
		return search(query.build(), CANDIDATES);
	}

	private List<Indexed> search(Query query, int limit) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				List<Indexed> found = new ArrayList<>();
				for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
					Document d = searcher.storedFields().document(hit.doc);
					int year = d.getField("year").numericValue().intValue();
					found.add(new Indexed(d.get("id"), d.get("recordNumber"), d.get("serial"), d.get("make"),
							d.get("makeKey"), d.get("model"), d.get("calibre"), d.get("type"), d.get("country"),
							year < 0 ? null : year, d.get("status")));
				}
				return found;
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

	@PreDestroy
	void close() throws IOException {
		searchers.close();
		writer.close();
		directory.close();
	}

}
