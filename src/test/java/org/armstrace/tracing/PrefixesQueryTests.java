package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
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
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Operations;
import org.junit.jupiter.api.Test;

/**
 * Serials ending in any of a reading's likely forms are the documents Lucene's own prefix
 * and automaton queries find, with the same scores: one prefix or sixty, prefixes that
 * begin one another, prefixes no term has, over several segments.
 */
class PrefixesQueryTests {

	private static final String CHARACTERS = "ABC0123";

	@Test
	void findsWhatLucenesPrefixAndAutomatonQueriesFind() throws IOException {
		Random random = new Random(1201);
		try (Directory directory = new ByteBuffersDirectory()) {
			IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
			try (IndexWriter writer = new IndexWriter(directory, config)) {
				for (int segment = 0; segment < 3; segment++) {
					for (int i = 0; i < 3_000; i++) {
						Document document = new Document();
						document.add(new StringField("reversed", text(random, 1 + random.nextInt(7)), Field.Store.NO));
						writer.addDocument(document);
					}
					writer.commit();
				}
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				int found = 0;
				for (int q = 0; q < 500; q++) {
					List<String> prefixes = new ArrayList<>();
					int count = q % 2 == 0 ? 1 : 1 + random.nextInt(60);
					for (int i = 0; i < count; i++) {
						prefixes.add(text(random, 1 + random.nextInt(5)));
					}
					Query ours = new PrefixesQuery("reversed", prefixes);
					Query lucene = prefixes.size() == 1 ? new PrefixQuery(new Term("reversed", prefixes.get(0)))
							: union(prefixes);

					assertThat(searcher.count(ours)).as("%s", prefixes).isEqualTo(searcher.count(lucene));
					List<String> expected = NearSerialQueryTests.hits(searcher.search(lucene, 500).scoreDocs);
					assertThat(NearSerialQueryTests.hits(searcher.search(ours, 500).scoreDocs)).isEqualTo(expected);
					found += expected.size();
				}
				assertThat(found).isGreaterThan(10_000);
			}
		}
	}

	private static Query union(List<String> prefixes) {
		List<BytesRef> sorted = new ArrayList<>();
		for (String prefix : prefixes.stream().sorted().distinct().toList()) {
			sorted.add(new BytesRef(prefix));
		}
		return new AutomatonQuery(new Term("reversed", ""),
				Operations.determinize(
						Operations.concatenate(List.of(Automata.makeStringUnion(sorted), Automata.makeAnyBinary())),
						Operations.DEFAULT_DETERMINIZE_WORK_LIMIT),
				true);
	}

	private static String text(Random random, int length) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < length; i++) {
			out.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
		}
		return out.toString();
	}

}
