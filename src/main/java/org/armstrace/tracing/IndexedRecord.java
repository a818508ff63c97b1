package org.armstrace.tracing;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/**
 * A firearm or marked part as the candidate index holds it, and the one place that maps
 * it to a Lucene document and back: the serial folded, reversed and cut into 3-grams for
 * searching, the rest stored for ranking.
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
		doc.add(new StringField("id", id(), Field.Store.YES));
		String normalised = SerialForms.normalise(serial());
		String folded = SerialForms.fold(normalised);
		doc.add(new StringField("folded", folded, Field.Store.NO));
		doc.add(new StringField("reversed", new StringBuilder(folded).reverse().toString(), Field.Store.NO));
		for (int i = 0; i + FirearmIndex.GRAM <= folded.length(); i++) {
			doc.add(new StringField("gram", folded.substring(i, i + FirearmIndex.GRAM), Field.Store.NO));
		}
		doc.add(new StringField("makeKey", nullToEmpty(makeKey()), Field.Store.YES));
		if (makeKey() != null && !makeKey().isEmpty()) {
			doc.add(new SortedDocValuesField(FirearmIndex.MAKE_KEY_VALUE, new BytesRef(makeKey())));
			doc.add(new StringField(FirearmIndex.MAKE_AND_SERIAL, FirearmIndex.makeAndSerial(makeKey(), folded),
					Field.Store.NO));
		}
		doc.add(new StoredField("recordNumber", recordNumber()));
		doc.add(new StoredField("serial", serial()));
		doc.add(new BinaryDocValuesField(FirearmIndex.SERIAL_VALUE, new BytesRef(serial())));
		doc.add(new StoredField("legacyReference", nullToEmpty(legacyReference())));
		doc.add(new StoredField("make", nullToEmpty(make())));
		doc.add(new StoredField("model", nullToEmpty(model())));
		doc.add(new StoredField("calibre", nullToEmpty(calibre())));
		doc.add(new StoredField("type", nullToEmpty(type())));
		doc.add(new StoredField("country", country()));
		doc.add(new StoredField("year", year() == null ? -1 : year()));
		doc.add(new StoredField("status", nullToEmpty(status())));
		if (partKind() != null) {
			doc.add(new StoredField("partKind", partKind()));
		}
		if (fittedTo() != null) {
			doc.add(new StoredField("fittedTo", fittedTo()));
		}
		for (String marking : importMarkings()) {
			doc.add(new StoredField("importMarking", marking));
		}
		return doc;
	}

	/** The record a stored document holds. */
	static IndexedRecord of(Document d) {
		int year = d.getField("year").numericValue().intValue();
		String legacy = d.get("legacyReference");
		return new IndexedRecord(d.get("id"), d.get("recordNumber"), legacy == null || legacy.isEmpty() ? null : legacy,
				d.get("serial"), d.get("make"), d.get("makeKey"), d.get("model"), d.get("calibre"), d.get("type"),
				d.get("country"), year < 0 ? null : year, d.get("status"), List.of(d.getValues("importMarking")),
				d.get("partKind"), d.get("fittedTo"));
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

}
