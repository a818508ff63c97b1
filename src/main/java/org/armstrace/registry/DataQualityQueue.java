package org.armstrace.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.armstrace.reference.Catalogue;
import org.armstrace.reference.FirearmCategories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data-quality queue: every distinct legacy value ArmsTrace could not read for
 * certain, with how many records hold it, what it resembles (and whether the import took
 * it for that, when the resemblance was close), and some records holding it; and, per
 * field, the share of records whose value is fully standardised.
 */
@Service
public class DataQualityQueue {

	/**
	 * @param suggestion what the value resembles (null: nothing), with its
	 * {@code confidence} in percent; {@code read} when the record already holds it and
	 * awaits only a confirmation
	 * @param samples record numbers of some records holding the value
	 */
	public record QueuedValue(String field, String text, long records, String suggestion, int confidence, boolean read,
			List<String> samples) {
	}

	/**
	 * @param records records with a value in the field
	 * @param standardised those whose value is a code or a catalogue entry
	 * @param share standardised / records, in percent
	 */
	public record FieldShare(String field, long records, long standardised, double share) {
	}

	public record Queue(List<FieldShare> shares, List<QueuedValue> values) {
	}

	private static final int SAMPLES = 3;

	private final JdbcClient jdbc;

	private final Catalogue catalogue;

	DataQualityQueue(JdbcClient jdbc, Catalogue catalogue) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
	}

	/** The {@code limit} values held by most records, and the shares of every field. */
	@Transactional(readOnly = true)
	public Queue queue(int limit) {
		List<QueuedValue> values = new ArrayList<>();
		List<FieldShare> shares = new ArrayList<>();
		long firearms = jdbc.sql("SELECT COUNT(*) FROM firearm").query(Long.class).single();
		catalogued(LegacyField.MAKE, Catalogue.Kind.MAKE, firearms, values, shares);
		catalogued(LegacyField.CALIBRE, Catalogue.Kind.CALIBRE, firearms, values, shares);
		for (LegacyField field : List.of(LegacyField.TYPE, LegacyField.COUNTRY, LegacyField.YEAR, LegacyField.STATUS)) {
			long kept = jdbc.sql("SELECT COUNT(*) FROM firearm_as_written WHERE field = ?")
				.param(field.column)
				.query(Long.class)
				.single();
			shares.add(share(field, firearms, firearms - kept));
		}
		// a firearm no category of the classification covers cannot change hands under a
		// licence: the share classified is part of the report
		long unclassified = jdbc.sql("SELECT COUNT(*) FROM firearm WHERE category = ?")
			.param(FirearmCategories.UNCLASSIFIED)
			.query(Long.class)
			.single();
		shares.add(new FieldShare("category", firearms, firearms - unclassified,
				firearms == 0 ? 100 : Math.round(10_000.0 * (firearms - unclassified) / firearms) / 100.0));
		jdbc.sql("SELECT field, text, read_as, confidence, COUNT(*) FROM firearm_as_written "
				+ "GROUP BY field, text, read_as, confidence")
			.query((rs,
					n) -> values.add(new QueuedValue(rs.getString(1), rs.getString(2), rs.getLong(5), rs.getString(3),
							rs.getInt(4), rs.getString(3) != null && rs.getInt(4) >= LegacyMapping.READ_FROM,
							List.of())))
			.list();
		return new Queue(shares,
				values.stream()
					.sorted(Comparator.comparingLong(QueuedValue::records).reversed().thenComparing(QueuedValue::text))
					.limit(limit)
					.map(this::withSamples)
					.toList());
	}

	/**
	 * Makes and calibres keep their text: a value is standardised when the catalogue
	 * knows it, queued when it does not (with the entry it resembles, if any).
	 */
	private void catalogued(LegacyField field, Catalogue.Kind kind, long firearms, List<QueuedValue> values,
			List<FieldShare> shares) {
		long[] held = { 0, 0 };
		// one pass: a value's first and last record numbers are its samples (no scan per
		// value)
		jdbc.sql("SELECT " + field.column + ", COUNT(*), MIN(record_number), MAX(record_number) FROM firearm WHERE "
				+ field.column + " IS NOT NULL GROUP BY " + field.column)
			.query((rs, n) -> {
				String text = rs.getString(1);
				long count = rs.getLong(2);
				held[0] += count;
				var match = catalogue.match(kind, text);
				if (match.filter(Catalogue.Match::exact).isPresent()) {
					held[1] += count;
				}
				else {
					values.add(new QueuedValue(field.column, text, count, match.map(Catalogue.Match::name).orElse(null),
							match.map(Catalogue.Match::confidence).orElse(0),
							match.filter(m -> m.confidence() >= LegacyMapping.READ_FROM).isPresent(),
							List.of(rs.getString(3), rs.getString(4)).stream().distinct().toList()));
				}
				return null;
			})
			.list();
		shares.add(share(field, held[0], held[1]));
	}

	private static FieldShare share(LegacyField field, long records, long standardised) {
		return new FieldShare(field.column, records, standardised,
				records == 0 ? 100 : Math.round(10_000.0 * standardised / records) / 100.0);
	}

	/**
	 * Values kept as written get some records holding them; makes and calibres have
	 * theirs.
	 */
	private QueuedValue withSamples(QueuedValue v) {
		if (!v.samples().isEmpty()) {
			return v;
		}
		List<String> samples = jdbc
			.sql("SELECT f.record_number FROM firearm_as_written a JOIN firearm f ON f.id = a.firearm_id "
					+ "WHERE a.field = ? AND a.text = ? ORDER BY f.record_number LIMIT " + SAMPLES)
			.params(v.field(), v.text())
			.query(String.class)
			.list();
		return new QueuedValue(v.field(), v.text(), v.records(), v.suggestion(), v.confidence(), v.read(), samples);
	}

}
