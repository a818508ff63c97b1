package org.armstrace.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
	}

}
