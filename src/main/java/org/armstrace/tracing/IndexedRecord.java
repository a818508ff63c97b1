package org.armstrace.tracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * A firearm or marked part as the candidate index holds it, and the one place that maps
 * it to a Lucene document and back: the serial folded, reversed and cut into 3-grams for
 * searching, the whole record as one doc value for ranking.
 */
record IndexedRecord(String id, String recordNumber, String legacyReference, String serial, String make, String makeKey,
		String model, String calibre, String type, String country, Integer year, String status,
		List<String> importMarkings, String partKind, String fittedTo) {

	IndexedRecord {
		importMarkings = importMarkings == null ? List.of() : List.copyOf(importMarkings);
	}

	/** A firearm. */
	IndexedRecord(String id, String recordNumber, String legacyReference, String serial, String make, String makeKey,
			String model, String calibre, String type, String country, Integer year, String status,
			List<String> importMarkings) {
		this(id, recordNumber, legacyReference, serial, make, makeKey, model, calibre, type, country, year, status,
				importMarkings, null, null);
	}

	IndexedRecord withFittedTo(String firearmId) {
		return new IndexedRecord(id, recordNumber, legacyReference, serial, make, makeKey, model, calibre, type,
				country, year, status, importMarkings, partKind, firearmId);
	}

	IndexedRecord withType(String newType) {
		return new IndexedRecord(id, recordNumber, legacyReference, serial, make, makeKey, model, calibre, newType,
				country, year, status, importMarkings, partKind, fittedTo);
	}

	/**
	 * The record as an officer's reading of a legacy value left it: make key, calibre,
	 * type, country and year as read.
	 */
	IndexedRecord withReading(String readMakeKey, String readCalibre, String readType, String readCountry,
			Integer readYear) {
		return new IndexedRecord(id, recordNumber, legacyReference, serial, make, readMakeKey, model, readCalibre,
				readType, readCountry, readYear, status, importMarkings, partKind, fittedTo);
	}

	IndexedRecord withImportMarking(String marking) {
		List<String> all = new ArrayList<>(importMarkings);
		all.add(marking);
		return new IndexedRecord(id, recordNumber, legacyReference, serial, make, makeKey, model, calibre, type,
				country, year, status, all, partKind, fittedTo);
	}

	/**
	 * The document a record is indexed as: each field's choice is explained in
	 * {@link FirearmIndex}.
	 */
	Document document() {
		Document doc = new Document();
		doc.add(new StringField("id", id(), Field.Store.NO));
		String normalised = SerialForms.normalise(serial());
		String folded = SerialForms.fold(normalised);
		doc.add(new StringField("folded", folded, Field.Store.NO));
		doc.add(new StringField("reversed", new StringBuilder(folded).reverse().toString(), Field.Store.NO));
		for (int i = 0; i + FirearmIndex.GRAM <= folded.length(); i++) {
			doc.add(new StringField("gram", folded.substring(i, i + FirearmIndex.GRAM), Field.Store.NO));
		}
		doc.add(new StringField("makeKey", nullToEmpty(makeKey()), Field.Store.NO));
		if (makeKey() != null && !makeKey().isEmpty()) {
			doc.add(new SortedDocValuesField(FirearmIndex.MAKE_KEY_VALUE, new BytesRef(makeKey())));
			doc.add(new StringField(FirearmIndex.MAKE_AND_SERIAL, FirearmIndex.makeAndSerial(makeKey(), folded),
					Field.Store.NO));
		}
		doc.add(new BinaryDocValuesField(FirearmIndex.SERIAL_VALUE, new BytesRef(serial())));
		doc.add(new BinaryDocValuesField(FirearmIndex.RECORD_VALUE, encoded()));
		return doc;
	}

	/**
	 * The record as one doc value: read directly, where a stored document is a compressed
	 * block to unpack for each candidate a search ranks.
	 */
	private BytesRef encoded() {
		ByteBuffersDataOutput out = new ByteBuffersDataOutput();
		try {
			for (String text : new String[] { id(), recordNumber(), legacyReference(), serial(), make(), makeKey(),
					model(), calibre(), type(), country(), status(), partKind(), fittedTo() }) {
				out.writeString(nullToEmpty(text));
			}
			out.writeZInt(year() == null ? -1 : year());
			out.writeVInt(importMarkings().size());
			for (String marking : importMarkings()) {
				out.writeString(marking);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new BytesRef(out.toArrayCopy());
	}

	/** The record a document's doc value holds. */
	static IndexedRecord decode(BytesRef value) throws IOException {
		ByteArrayDataInput in = new ByteArrayDataInput(value.bytes, value.offset, value.length);
		String id = in.readString();
		String recordNumber = in.readString();
		String legacy = in.readString();
		String serial = in.readString();
		String make = in.readString();
		String makeKey = in.readString();
		String model = in.readString();
		String calibre = in.readString();
		String type = in.readString();
		String country = in.readString();
		String status = in.readString();
		String partKind = in.readString();
		String fittedTo = in.readString();
		int year = in.readZInt();
		int markings = in.readVInt();
		List<String> importMarkings = new ArrayList<>(markings);
		for (int i = 0; i < markings; i++) {
			importMarkings.add(in.readString());
		}
		return new IndexedRecord(id, recordNumber, emptyToNull(legacy), serial, make, makeKey, model, calibre, type,
				country, year < 0 ? null : year, status, importMarkings, emptyToNull(partKind), emptyToNull(fittedTo));
	}

	private static String emptyToNull(String text) {
		return text.isEmpty() ? null : text;
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

}
