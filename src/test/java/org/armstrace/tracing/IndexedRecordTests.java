package org.armstrace.tracing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a candidate shows is what was indexed: every field of a record, absent ones and
 * any script included, comes back from the index as it went in.
 */
class IndexedRecordTests {

	@Test
	void aRecordComesBackFromTheIndexAsItWasIndexed() throws IOException {
		List<IndexedRecord> records = List.of(
				new IndexedRecord("6f1c0e0a-3f1e-4b7a-9a43-0c6c1d1e2f30", "AT-2024-000001", "LEG/1987/0042",
						"CZ-75 B 123456", "Česká zbrojovka", "ceskazbrojovka", "Вепрь-12 «Молот»", "9×19 mm", "PISTOL",
						"CZE", 1987, "REGISTERED", List.of("AUT 2019", "DEU 2021"), null, null),
				new IndexedRecord("0b0c7f4e-2a55-4d0a-8f5e-1a2b3c4d5e6f", "AT-2024-000002", null, "F0000001", "", "",
						"", "", "", "", null, "", List.of()),
				new IndexedRecord("7d8e9f00-1111-2222-3333-444455556666", "AT-2024-000003", "", "سلاح-٧٧", "Zastava",
						"zastava", "M70", "7.62×39", "BARREL", "SRB", 0, "FITTED", List.of(), "BARREL",
						"6f1c0e0a-3f1e-4b7a-9a43-0c6c1d1e2f30"));
		List<IndexedRecord> read = new ArrayList<>();
		try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
			try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
				for (IndexedRecord record : records) {
					writer.addDocument(record.document());
				}
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				for (LeafReaderContext leaf : reader.leaves()) {
					BinaryDocValues values = leaf.reader().getBinaryDocValues(FirearmIndex.RECORD_VALUE);
					for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
						assertThat(values.advanceExact(doc)).isTrue();
						read.add(IndexedRecord.decode(values.binaryValue()));
					}
				}
			}
		}
		// a legacy reference left empty is no reference
		IndexedRecord withoutReference = records.get(2);
		assertThat(read).containsExactly(records.get(0), records.get(1),
				new IndexedRecord(withoutReference.id(), withoutReference.recordNumber(), null,
						withoutReference.serial(), withoutReference.make(), withoutReference.makeKey(),
						withoutReference.model(), withoutReference.calibre(), withoutReference.type(),
						withoutReference.country(), 0, withoutReference.status(), List.of(), "BARREL",
						withoutReference.fittedTo()));
	}

}
