package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The automata built for a serial of ASCII characters find exactly what Lucene's own
 * fuzzy query finds, with the same weights: misread, added, dropped and swapped
 * characters, repeated characters, registered serials with characters of two, three and
 * four bytes, a make of non-Latin letters before the serial, several segments, and few
 * terms kept so the search moves to a smaller automaton on the way.
 */
class NearSerialQueryTests {

	private static final String ASCII = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

	/**
	 * Characters a registered serial may hold beyond ASCII: of two, three, four bytes.
	 */
	private static final String[] WIDE = { "Ж", "Ω", "中", "ﾗ", "\uD835\uDFD8" };

	@Test
	void findsTheSameTermsWithTheSameWeightsAsLucenesFuzzyQuery() throws IOException {
		Random random = new Random(20261201);
		List<String> makes = List.of("steyr|", "глок|", "beretta|", "");
		List<String> registered = new ArrayList<>();
		try (Directory directory = new ByteBuffersDirectory()) {
			IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
			try (IndexWriter writer = new IndexWriter(directory, config)) {
				for (int segment = 0; segment < 4; segment++) {
					for (int i = 0; i < 2_500; i++) {
						String serial = i % 3 == 0 && !registered.isEmpty()
								? damaged(registered.get(random.nextInt(registered.size())), random, true)
								: serial(random);
						registered.add(serial);
						Document document = new Document();
						document.add(new StringField("f", serial, Field.Store.NO));
						writer.addDocument(document);
					}
					writer.commit();
				}
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				assertThat(reader.leaves()).hasSize(4);
				int compared = 0;
				int withTerms = 0;
				for (int q = 0; q < 1_500; q++) {
					String make = makes.get(random.nextInt(makes.size()));
					String stored = registered.get(random.nextInt(registered.size()));
					String reading = damaged(stored.substring(stored.indexOf('|') + 1), random, false);
					Term term = new Term("f", make + reading);
					int edits = 1 + random.nextInt(2);
					int expansions = random.nextBoolean() ? 100 : 1 + random.nextInt(6);
					Query ours = NearSerialQuery.of(term, edits, make.length(), expansions);
					assertThat(ours).isInstanceOf(NearSerialQuery.class);
					Query lucene = new FuzzyQuery(term, edits, make.length(), expansions, true);

					String expected = searcher.rewrite(lucene).toString();
					assertThat(searcher.rewrite(ours).toString()).as("%s within %d", term.text(), edits)
						.isEqualTo(expected);
					List<String> hits = hits(searcher.search(lucene, 50).scoreDocs);
					assertThat(hits(searcher.search(ours, 50).scoreDocs)).isEqualTo(hits);
					compared++;
					withTerms += hits.isEmpty() ? 0 : 1;
				}
				assertThat(compared).isEqualTo(1_500);
				// most readings come from a registered serial of the same make: the
				// comparison is about terms found, not about empty answers
				assertThat(withTerms).isGreaterThan(300);
			}
		}
	}

	@Test
	void aReadingWithACharacterBeyondAsciiIsAskedThroughLucenesFuzzyQuery() {
		assertThat(NearSerialQuery.of(new Term("f", "steyr|AB中123"), 2, 6, 100)).isInstanceOf(FuzzyQuery.class);
		assertThat(NearSerialQuery.of(new Term("f", "глок|AB123"), 2, 5, 100)).isInstanceOf(NearSerialQuery.class);
	}

	/** Each hit as its document and score, in the order found. */
	static List<String> hits(ScoreDoc[] found) {
		return Arrays.stream(found).map(hit -> hit.doc + ":" + hit.score).toList();
	}

	private static String serial(Random random) {
		String make = List.of("steyr|", "глок|", "beretta|", "").get(random.nextInt(4));
		int length = 3 + random.nextInt(10);
		StringBuilder serial = new StringBuilder(make);
		for (int i = 0; i < length; i++) {
			if (random.nextInt(40) == 0) {
				serial.append(WIDE[random.nextInt(WIDE.length)]);
			}
			else if (random.nextInt(6) == 0 && i > 0) {
				// repeated characters: where swaps and edits are easy to miscount
				serial.append(serial.charAt(serial.length() - 1));
			}
			else {
				serial.append(ASCII.charAt(random.nextInt(ASCII.length())));
			}
		}
		return serial.toString();
	}

	/**
	 * The text after none to three random edits of any kind; only ASCII is written unless
	 * {@code wide}.
	 */
	private static String damaged(String text, Random random, boolean wide) {
		StringBuilder out = new StringBuilder(text);
		int edits = random.nextInt(4);
		int from = text.indexOf('|') + 1;
		for (int e = 0; e < edits && out.length() > from + 1; e++) {
			int at = from + random.nextInt(out.length() - from);
			if (Character.isSurrogate(out.charAt(at))) {
				continue;
			}
			String c = wide && random.nextInt(8) == 0 ? WIDE[random.nextInt(3)]
					: String.valueOf(ASCII.charAt(random.nextInt(ASCII.length())));
			switch (random.nextInt(4)) {
				case 0 -> out.replace(at, at + 1, c);
				case 1 -> out.insert(at, c);
				case 2 -> out.deleteCharAt(at);
				default -> {
					if (at + 1 < out.length() && !Character.isSurrogate(out.charAt(at + 1))) {
						char x = out.charAt(at);
						out.setCharAt(at, out.charAt(at + 1));
						out.setCharAt(at + 1, x);
					}
				}
			}
		}
		String result = out.toString();
		if (!wide) {
			// a reading the search asks for is ASCII after the make
			StringBuilder ascii = new StringBuilder(result.substring(0, from));
			for (char c : result.substring(from).toCharArray()) {
				ascii.append(c < 0x80 ? c : 'X');
			}
			result = ascii.toString();
		}
		return result;
	}

}
