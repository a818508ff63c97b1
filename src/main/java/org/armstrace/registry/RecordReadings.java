package org.armstrace.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.armstrace.reference.NonIndustrialKind;
import org.armstrace.registry.RegistryEvent.AsWritten;
import org.armstrace.registry.RegistryEvent.LegacyValueStandardised;
import org.armstrace.registry.RegistryEvent.LegacyValuesKeptAsWritten;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The part of the registry's projection that keeps legacy values as written
 * ({@code firearm_as_written}) and applies an officer's reading of them to the record.
 */
@Component
class RecordReadings {

	private final JdbcClient jdbc;

	RecordReadings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Many rows per statement: the bulk import's path, and the one-by-one path too. */
	void kept(List<LegacyValuesKeptAsWritten> events) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < events.size(); i++) {
			for (AsWritten v : events.get(i).values()) {
				sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?)");
				params
					.addAll(Arrays.asList(events.get(i).firearmId(), v.field(), v.text(), v.readAs(), v.confidence()));
				if (params.size() >= 1_000) {
					insert(sql, params);
				}
			}
		}
		insert(sql, params);
	}

	private void insert(StringBuilder values, List<Object> params) {
		if (!params.isEmpty()) {
			jdbc.sql("INSERT INTO firearm_as_written (firearm_id, field, text, read_as, confidence) VALUES " + values)
				.params(params)
				.update();
		}
		values.setLength(0);
		params.clear();
	}

	void standardised(LegacyValueStandardised e, long seq) {
		LegacyField field = LegacyField.of(e.field()).orElseThrow();
		if (field.firearmColumn != null) {
			Object value = field == LegacyField.YEAR ? Integer.valueOf(e.value()) : e.value();
			jdbc.sql("UPDATE firearm SET " + field.firearmColumn + " = ?, last_seq = ? WHERE id = ?")
				.params(value, seq, e.firearmId())
				.update();
		}
		else {
			jdbc.sql("UPDATE firearm SET last_seq = ? WHERE id = ?").params(seq, e.firearmId()).update();
		}
		jdbc.sql("DELETE FROM firearm_as_written WHERE firearm_id = ? AND field = ?")
			.params(e.firearmId(), e.field())
			.update();
		// the first reading of a text stands: one approval records it for every record
		if (jdbc.sql("SELECT COUNT(*) FROM legacy_reading WHERE field = ? AND text = ?")
			.params(e.field(), e.asWritten())
			.query(Long.class)
			.single() == 0) {
			jdbc.sql("INSERT INTO legacy_reading (field, text, read_as) VALUES (?, ?, ?)")
				.params(e.field(), e.asWritten(), e.value())
				.update();
		}
	}

	/**
	 * The firearm takes the entry and the non-industrial kind it stands for (converted
	 * covers alarm, blank, gas, air, Flobert and reactivated; modular covers polymer
	 * frames).
	 */
	void identified(RegistryEvent.FirearmIdentifiedAsNonIndustrial e, long seq) {
		String kind = switch (NonIndustrialKind.valueOf(e.kind())) {
			case CRAFT_MADE -> "craft_made";
			case PRINTED_3D -> "printed_3d";
			case MODULAR, POLYMER_FRAME -> "modular";
			case CONVERTED_ALARM, CONVERTED_BLANK, CONVERTED_GAS, CONVERTED_AIRSOFT, REACTIVATED, FLOBERT ->
				"converted";
		};
		jdbc.sql("UPDATE firearm SET non_industrial_entry = ?, " + kind + " = TRUE, last_seq = ? WHERE id = ?")
			.params(e.entryCode(), seq, e.firearmId())
			.update();
	}

	/** The readings officers approved, by field and text as written. */
	Map<String, String> approved() {
		Map<String, String> readings = new HashMap<>();
		jdbc.sql("SELECT field, text, read_as FROM legacy_reading")
			.query((rs, n) -> readings.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3)))
			.list();
		return readings;
	}

}
