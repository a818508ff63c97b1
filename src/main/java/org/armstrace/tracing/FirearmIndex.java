package org.armstrace.tracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.MSBRadixSorter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * The candidate index: one Lucene document per firearm, a projection of the ledger kept
 * in {@code ARMSTRACE_HOME/index/firearms}. It generates candidates only; ranking and
 * explanation are ours. The last ledger entry applied is kept in the commit's user data,
 * so the index catches up from there at start and can be rebuilt from zero at any time.
 */
@Component
class FirearmIndex {

	/** Candidates fetched from the index before our own ranking. */
	static final int CANDIDATES = 200;

	/**
	 * Folded 3-grams: they find serials that share most of their characters whatever else
	 * went wrong.
	 */
	static final int GRAM = 3;

	static final String LAST_SEQ = "lastSeq";

	/**
	 * Raised whenever what a document holds changes: an index of another version is
	 * rebuilt from the ledger.
	 */
	static final String VERSION = "6";

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	FirearmIndex(@Value("${armstrace.home}") Path home) {
		try {
			this.directory = FSDirectory.open(home.resolve("index").resolve("firearms"));
			IndexWriter opened;
			try {
				// every field is a keyword we build ourselves: no analysis
				opened = new IndexWriter(directory, new IndexWriterConfig());
			}
			catch (LockObtainFailedException held) {
				// a running server owns the index and keeps it current: a command-line
				// job only reads it
				opened = null;
			}
			this.writer = opened;
			this.searchers = writer != null ? new SearcherManager(writer, null) : new SearcherManager(directory, null);
			if (writer != null) {
				Map<String, String> data = writer.getLiveCommitData() == null ? Map.of()
						: iterableToMap(writer.getLiveCommitData());
				if (!VERSION.equals(data.getOrDefault("version", VERSION))
						|| (data.containsKey(LAST_SEQ) && !data.containsKey("version"))) {
					clear();
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot open the firearm index", e);
		}
	}

	/**
	 * False when another process (a running server) holds the index: then it is read,
	 * never written.
	 */
	boolean writable() {
		return writer != null;
	}

	long lastSeq() {
		if (writer == null) {
			try {
				searchers.maybeRefresh();
				IndexSearcher searcher = searchers.acquire();
				try {
					Map<String, String> data = ((DirectoryReader) searcher.getIndexReader()).getIndexCommit()
						.getUserData();
					return Long.parseLong(data.getOrDefault(LAST_SEQ, "-1"));
				}
				finally {
					searchers.release(searcher);
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		Map<String, String> data = writer.getLiveCommitData() == null ? Map.of()
				: iterableToMap(writer.getLiveCommitData());
		return Long.parseLong(data.getOrDefault(LAST_SEQ, "-1"));
	}

	private static Map<String, String> iterableToMap(Iterable<Map.Entry<String, String>> entries) {
		Map<String, String> map = new HashMap<>();
		entries.forEach(e -> map.put(e.getKey(), e.getValue()));
		return map;
	}

	void put(IndexedRecord firearm) {
		try {
			writer.updateDocument(new Term("id", firearm.id()), firearm.document());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Adds a firearm known not to be in the index yet (bulk loading), without looking for
	 * an older copy.
	 */
	void add(IndexedRecord firearm) {
		try {
			writer.addDocument(firearm.document());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Up to {@code n} records picked at random (repeats possible), for readings that warm
	 * the searches up.
	 */
	List<IndexedRecord> sample(int n, Random random) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
				int documents = searcher.getIndexReader().maxDoc();
				List<IndexedRecord> sample = new ArrayList<>();
				for (int i = 0; documents > 0 && i < n; i++) {
					int doc = random.nextInt(documents);
					LeafReaderContext context = leaves.get(ReaderUtil.subIndex(doc, leaves));
					Bits live = context.reader().getLiveDocs();
					int inLeaf = doc - context.docBase;
					if (live == null || live.get(inLeaf)) {
						sample.add(recordOf(context.reader(), inLeaf));
					}
				}
				return sample;
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Optional<IndexedRecord> get(String id) {
		return search(new TermQuery(new Term("id", id)), 1).stream().findFirst();
	}

	/**
	 * Makes what was put visible to searches and durable, with the last ledger entry it
	 * reflects.
	 */
	void commit(long lastSeq) {
		try {
			writer.setLiveCommitData(Map.of(LAST_SEQ, Long.toString(lastSeq), "version", VERSION).entrySet());
			writer.commit();
			searchers.maybeRefresh();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Merges the index into one segment: for bulk-loaded scratch indexes (the benchmark),
	 * not the live one.
	 */
	void forceMerge() {
		try {
			writer.forceMerge(1);
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

	/**
	 * A candidate as the index found it: its serial and make key at once (doc values read
	 * in document order), the whole record only when asked for, so the ranking decodes
	 * just the candidates that can still make the answer.
	 */
	static final class Found {

		private final LeafReader leaf;

		private final int inLeaf;

		private final String serial;

		private final String makeKey;

		private IndexedRecord record;

		private Found(LeafReader leaf, int inLeaf, String serial, String makeKey) {
			this.leaf = leaf;
			this.inLeaf = inLeaf;
			this.serial = serial;
			this.makeKey = makeKey;
		}

		String serial() {
			return serial;
		}

		/** The record's make key, "" when it has none. */
		String makeKey() {
			return makeKey;
		}

		IndexedRecord record() {
			if (record == null) {
				record = recordOf(leaf, inLeaf);
			}
			return record;
		}

	}

	/** The record of a document, from its doc value (every document has one). */
	private static IndexedRecord recordOf(LeafReader leaf, int inLeaf) {
		try {
			// a fresh iterator: records are read best first, not in document order
			BinaryDocValues records = leaf.getBinaryDocValues(RECORD_VALUE);
			if (records == null || !records.advanceExact(inLeaf)) {
				throw unreadable();
			}
			return IndexedRecord.decode(records.binaryValue());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static IllegalStateException unreadable() {
		return new IllegalStateException("an indexed document without its serial or record: rebuild the index");
	}

	/**
	 * Candidates for an observed serial (normalised), handed to {@code use} while the
	 * index view they come from is held; the make, when known, only raises a candidate.
	 * First the precise ways in: the folded serial itself, the readings one and two
	 * likely misreadings away by the confusion model (as exact terms), within two edits
	 * of any kind, as a pattern, and as the end of a longer serial (a missing leading
	 * part, through the reversed serial so no query starts with a wildcard), also after
	 * one likely misreading. Only when those find few records do shared 3-grams widen the
	 * net.
	 */
	<T> T withCandidates(String observed, String makeKey, Confusions confusions, Function<List<Found>, T> use) {
		String folded = SerialForms.fold(observed);
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				BooleanQuery serial = serialQuery(searcher, observed, folded, makeKey, confusions);
				ScoreDoc[] hits = serial.clauses().isEmpty() ? new ScoreDoc[0]
						: searcher.search(withMake(serial, makeKey), CANDIDATES).scoreDocs;
				if (hits.length < WIDEN_BELOW) {
					BooleanQuery grams = gramQuery(serial, folded);
					if (grams != null) {
						hits = searcher.search(withMake(grams, makeKey), CANDIDATES).scoreDocs;
					}
				}
				return use.apply(found(searcher, hits));
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The hits with their serials and make keys, read segment by segment in document
	 * order.
	 */
	private static List<Found> found(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
		int[] docs = new int[hits.length];
		for (int i = 0; i < hits.length; i++) {
			docs[i] = hits[i].doc;
		}
		Arrays.sort(docs);
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		List<Found> found = new ArrayList<>(docs.length);
		int leaf = -1;
		BinaryDocValues serials = null;
		SortedDocValues makes = null;
		for (int doc : docs) {
			int at = ReaderUtil.subIndex(doc, leaves);
			LeafReaderContext context = leaves.get(at);
			if (at != leaf) {
				leaf = at;
				serials = context.reader().getBinaryDocValues(SERIAL_VALUE);
				makes = context.reader().getSortedDocValues(MAKE_KEY_VALUE);
			}
			int inLeaf = doc - context.docBase;
			if (serials == null || !serials.advanceExact(inLeaf)) {
				// never dropped in silence: a hit left out reads as "no record fits"
				throw unreadable();
			}
			String makeKey = makes != null && makes.advanceExact(inLeaf)
					? makes.lookupOrd(makes.ordValue()).utf8ToString() : "";
			found.add(new Found(context.reader(), inLeaf, serials.binaryValue().utf8ToString(), makeKey));
		}
		return found;
	}

	/** The record's make key as a doc value (none when the record has no make). */
	static final String MAKE_KEY_VALUE = "makeKeyValue";

	/**
	 * The make key and the folded serial as one term, so a fuzzy search within one make
	 * walks only that make's serials.
	 */
	static final String MAKE_AND_SERIAL = "makeFolded";

	static String makeAndSerial(String makeKey, String folded) {
		return makeKey + "|" + folded;
	}

	/** The whole record as a doc value: decoded for the candidates ranked. */
	static final String RECORD_VALUE = "recordValue";

	/** The serial as registered, as a doc value: read for every candidate. */
	static final String SERIAL_VALUE = "serialValue";

	private static BooleanQuery serialQuery(IndexSearcher searcher, String observed, String folded, String makeKey,
			Confusions confusions) {
		BooleanQuery.Builder serial = new BooleanQuery.Builder();
		if (SerialForms.hasWildcards(observed)) {
			List<String> patterns = new ArrayList<>();
			patterns.add(folded);
			patterns.addAll(ReadingVariants.likeliest(observed, confusions, LIKELY_PATTERNS));
			for (int k = 0; k < patterns.size(); k++) {
				String pattern = patterns.get(k);
				String back = new StringBuilder(pattern).reverse().toString();
				float boost = k == 0 ? 8 : 2;
				if (startsLiteral(pattern)) {
					serial.add(new BoostQuery(new WildcardQuery(new Term("folded", pattern)), boost),
							BooleanClause.Occur.SHOULD);
				}
				if (startsLiteral(back)) {
					// the same pattern from the end, which also finds it at the end of a
					// longer serial
					serial.add(new BoostQuery(new WildcardQuery(new Term("reversed", back)), boost),
							BooleanClause.Occur.SHOULD);
					if (k == 0) {
						serial.add(new WildcardQuery(new Term("reversed", back + "*")), BooleanClause.Occur.SHOULD);
					}
				}
			}
		}
		else {
			// the fuzzy net's widest query (its automata built, the terms within reach
			// collected) on another core while this one works out the reading's likely
			// variants and then rewrites the rest of the net
			SecondCore.Part<List<Query>> fuzzy = SecondCore
				.start(() -> rewritten(searcher, fuzzyNet(folded, makeKey, true)));
			ReadingVariants variants = ReadingVariants.of(observed, confusions);
			serial.add(new BoostQuery(new TermQuery(new Term("folded", folded)), 10), BooleanClause.Occur.SHOULD);
			if (!variants.near().isEmpty()) {
				serial.add(new BoostQuery(new TermInSetQuery("folded", bytes(variants.near())), 6),
						BooleanClause.Occur.SHOULD);
			}
			if (!variants.far().isEmpty()) {
				serial.add(new BoostQuery(new TermInSetQuery("folded", bytes(variants.far())), 3),
						BooleanClause.Occur.SHOULD);
			}
			List<Query> rest = rewritten(searcher, fuzzyNet(folded, makeKey, false));
			for (Query query : fuzzy.get()) {
				serial.add(query, BooleanClause.Occur.SHOULD);
			}
			for (Query query : rest) {
				serial.add(query, BooleanClause.Occur.SHOULD);
			}
			serial.add(new BoostQuery(endingsQuery(List.of(folded)), 2), BooleanClause.Occur.SHOULD);
			if (folded.length() >= MISSING_PART_VARIANTS_FROM) {
				List<String> endings = ReadingVariants.likeliest(observed, confusions, MOST_ENDINGS);
				// one query for the likeliest twelve scores as twelve would (they are as
				// long as the reading and differ, so a serial ends in at most one of
				// them), and one walk of the terms replaces twelve
				serial.add(endingsQuery(endings.subList(0, Math.min(LIKELY_PATTERNS, endings.size()))),
						BooleanClause.Occur.SHOULD);
				if (endings.size() > LIKELY_PATTERNS) {
					serial.add(new BoostQuery(endingsQuery(endings.subList(LIKELY_PATTERNS, endings.size())), 0.5f),
							BooleanClause.Occur.SHOULD);
				}
			}
		}
		return serial.build();
	}

	/**
	 * Within two edits of any kind among the make's own serials (a fraction of the terms
	 * to walk) and one among every make's; a short reading, or one without a make, within
	 * one or two among all. The widest query of the net, or ({@code widest} false) the
	 * rest of it.
	 */
	private static List<Query> fuzzyNet(String folded, String makeKey, boolean widest) {
		int edits = folded.length() < 5 ? 1 : 2;
		if (makeKey != null && !makeKey.isEmpty() && edits == 2) {
			String prefix = makeAndSerial(makeKey, "");
			return widest ? List.of(NearSerialQuery.of(new Term(MAKE_AND_SERIAL, makeAndSerial(makeKey, folded)), 2,
					prefix.length(), 100)) : List.of(NearSerialQuery.of(new Term("folded", folded), 1, 0, 50));
		}
		return widest ? List.of(NearSerialQuery.of(new Term("folded", folded), edits, 0, 100)) : List.of();
	}

	/** The queries as the searcher rewrites them: a fuzzy query's terms collected. */
	private static List<Query> rewritten(IndexSearcher searcher, List<Query> queries) {
		List<Query> out = new ArrayList<>(queries.size());
		try {
			for (Query query : queries) {
				out.add(searcher.rewrite(query));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}

	/**
	 * The serial query widened by the reading's 3-grams, or null when the reading has
	 * none.
	 */
	private static BooleanQuery gramQuery(BooleanQuery serial, String folded) {
		BooleanQuery.Builder grams = new BooleanQuery.Builder();
		for (BooleanClause clause : serial.clauses()) {
			grams.add(clause);
		}
		int count = 0;
		for (String fragment : folded.split("[?*]")) {
			for (int i = 0; i + GRAM <= fragment.length() && count < IndexSearcher.getMaxClauseCount() / 2; i++) {
				grams.add(new TermQuery(new Term("gram", fragment.substring(i, i + GRAM))), BooleanClause.Occur.SHOULD);
				count++;
			}
		}
		return count == 0 ? null : grams.build();
	}

	/**
	 * Readings one likely misreading away asked for as patterns and as endings: the
	 * cheapest few.
	 */
	static final int LIKELY_PATTERNS = 12;

	/**
	 * Readings one likely misreading away asked for as endings of a longer serial: the
	 * likeliest twelve as one query, the rest (a missing leading part with a costlier
	 * misreading) as another, ranked below them.
	 */
	static final int MOST_ENDINGS = 64;

	/**
	 * One query for serials ending in any of {@code endings}: their reversed forms as
	 * prefixes, sought in order.
	 */
	private static Query endingsQuery(List<String> endings) {
		List<String> reversed = new ArrayList<>(endings.size());
		for (String ending : endings) {
			reversed.add(new StringBuilder(ending).reverse().toString());
		}
		return new PrefixesQuery("reversed", reversed);
	}

	/**
	 * A shorter reading is not tried as the end of a longer serial after a misreading:
	 * too many serials end that way.
	 */
	static final int MISSING_PART_VARIANTS_FROM = 5;

	/**
	 * The terms in byte order, by a radix sort of their bytes (a search asks for up to
	 * 1,200 variants, and comparing them as strings was a seventh of building its query
	 * in a profile); the query's own sort then finds them in order.
	 */
	private static List<BytesRef> bytes(List<String> terms) {
		BytesRef[] out = new BytesRef[terms.size()];
		int longest = 0;
		for (int i = 0; i < out.length; i++) {
			out[i] = new BytesRef(terms.get(i));
			longest = Math.max(longest, out[i].length);
		}
		new MSBRadixSorter(longest) {

			@Override
			protected void swap(int i, int j) {
				BytesRef t = out[i];
				out[i] = out[j];
				out[j] = t;
			}

			@Override
			protected int byteAt(int i, int k) {
				return k < out[i].length ? out[i].bytes[out[i].offset + k] & 0xff : -1;
			}

		}.sort(0, out.length);
		return Arrays.asList(out);
	}

	/** Fewer precise candidates than this, and shared 3-grams are asked too. */
	static final int WIDEN_BELOW = 10;

	/** A leading '*' would make Lucene walk every term; a leading '?' is cheap. */
	private static boolean startsLiteral(String pattern) {
		return !pattern.isEmpty() && pattern.charAt(0) != SerialForms.RUN;
	}

	/**
	 * How far either side of a reading's number a registered serial makes it part of that
	 * series.
	 */
	static final int SERIES_REACH = 3;

	/**
	 * A registered serial of the make within a few numbers of the reading (the same
	 * characters around its last run of digits), or "" when there is none: then the
	 * reading itself looks like a serial of that series.
	 */
	String neighbourInSeries(String reading, String makeKey) {
		if (reading.isEmpty() || SerialForms.hasWildcards(reading) || makeKey == null || makeKey.isEmpty()) {
			return "";
		}
		int end = reading.length();
		while (end > 0 && !Character.isDigit(reading.charAt(end - 1))) {
			end--;
		}
		int digits = end;
		while (digits > 0 && Character.isDigit(reading.charAt(digits - 1))) {
			digits--;
		}
		int width = end - digits;
		if (width == 0 || width > 12) {
			return "";
		}
		String head = reading.substring(0, digits);
		String tail = reading.substring(end);
		long number = Long.parseLong(reading.substring(digits, end));
		for (int step = 1; step <= SERIES_REACH; step++) {
			for (long near : new long[] { number - step, number + step }) {
				String text = String.valueOf(near);
				if (near < 0 || text.length() > width) {
					continue;
				}
				String neighbour = head + "0".repeat(width - text.length()) + text + tail;
				Query query = new BooleanQuery.Builder()
					.add(new TermQuery(new Term("folded", SerialForms.fold(neighbour))), BooleanClause.Occur.FILTER)
					.add(new TermQuery(new Term("makeKey", makeKey)), BooleanClause.Occur.FILTER)
					.build();
				if (!search(query, 1).isEmpty()) {
					return neighbour;
				}
			}
		}
		return "";
	}

	private static Query withMake(Query serial, String makeKey) {
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(serial, BooleanClause.Occur.MUST);
		if (makeKey != null && !makeKey.isEmpty()) {
			query.add(new TermQuery(new Term("makeKey", makeKey)), BooleanClause.Occur.SHOULD);
		}
		return query.build();
	}

	private List<IndexedRecord> search(Query query, int limit) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				List<IndexedRecord> found = new ArrayList<>();
				List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
				for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
					LeafReaderContext context = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
					found.add(recordOf(context.reader(), hit.doc - context.docBase));
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

	@PreDestroy
	void close() throws IOException {
		searchers.close();
		if (writer != null) {
			writer.close();
		}
		directory.close();
	}

}
