package org.armstrace.registry;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/** The current state commands check their rules against, read from the projections. */
@Component
class RegistryState {

	record FirearmState(UUID id, String recordNumber, FirearmStatus status, UUID holderId, FirearmType type,
			Integer year) {
	}

	record PartState(UUID id, PartKind kind, UUID fittedTo) {
	}

	private final JdbcClient jdbc;

	RegistryState(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<FirearmState> firearm(UUID id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc
			.sql("SELECT id, record_number, status, holder_id, type, year_of_manufacture FROM firearm WHERE id = ?")
			.param(id)
			.query((rs, n) -> new FirearmState(rs.getObject("id", UUID.class), rs.getString("record_number"),
					FirearmStatus.valueOf(rs.getString("status")), rs.getObject("holder_id", UUID.class),
					FirearmType.valueOf(rs.getString("type")), (Integer) rs.getObject("year_of_manufacture")))
			.optional();
	}

	Optional<UUID> firearmWithRecordNumber(String recordNumber) {
		if (recordNumber == null || recordNumber.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT id FROM firearm WHERE record_number = ?")
			.param(recordNumber.trim())
			.query(UUID.class)
			.optional();
	}

	Optional<String> serialKey(UUID firearmId) {
		return jdbc.sql("SELECT serial_key FROM firearm WHERE id = ?").param(firearmId).query(String.class).optional();
	}

	/**
	 * Firearms with the same unique marking: maker, country of manufacture and serial
	 * (compared by their keys).
	 */
	Optional<UUID> firearmWithMarking(String makeKey, String country, String serialKey) {
		return jdbc
			.sql("SELECT id FROM firearm WHERE serial_key = ? AND make_key = ? AND country_of_manufacture = ? "
					+ "ORDER BY registered_seq FETCH FIRST 1 ROWS ONLY")
			.params(serialKey, makeKey, country)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Of many serials of one maker and country, those already on the record, with the
	 * record number that bears each: one look-up for a whole production run.
	 */
	Map<String, String> firearmsWithMarkings(String makeKey, String country, List<String> serialKeys) {
		Map<String, String> found = new HashMap<>();
		jdbc.sql("SELECT serial_key, record_number FROM firearm WHERE make_key = ? AND country_of_manufacture = ? "
				+ "AND serial_key = ANY (?)")
			.params(makeKey, country, new SqlArrayValue("varchar", serialKeys.toArray()))
			.query((rs, n) -> found.putIfAbsent(rs.getString(1), rs.getString(2)))
			.list();
		return found;
	}

	/** The firearm's category ({@code UNCLASSIFIED} until classified). */
	Optional<String> firearmCategory(UUID id) {
		return jdbc.sql("SELECT category FROM firearm WHERE id = ?").param(id).query(String.class).optional();
	}

	Optional<HolderRole> holderRole(UUID id) {
		return jdbc.sql("SELECT role FROM holder WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.map(HolderRole::valueOf);
	}

	boolean deactivationCertificateExists(String number) {
		return jdbc.sql("SELECT COUNT(*) FROM deactivation_certificate WHERE number = ?")
			.param(number)
			.query(Long.class)
			.single() > 0;
	}

	boolean holderExists(UUID id) {
		return id != null
				&& jdbc.sql("SELECT COUNT(*) FROM holder WHERE id = ?").param(id).query(Long.class).single() > 0;
	}

	Optional<String> holderCountry(UUID id) {
		return jdbc.sql("SELECT country FROM holder WHERE id = ?").param(id).query(String.class).optional();
	}

	Optional<PartState> part(UUID id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT id, kind, fitted_to FROM part WHERE id = ?")
			.param(id)
			.query((rs, n) -> new PartState(rs.getObject("id", UUID.class), PartKind.valueOf(rs.getString("kind")),
					rs.getObject("fitted_to", UUID.class)))
			.optional();
	}

	boolean lotExists(UUID lotId) {
		return lotId != null && jdbc.sql("SELECT COUNT(*) FROM ammunition_lot WHERE id = ?")
			.param(lotId)
			.query(Long.class)
			.single() > 0;
	}

	long quantityHeld(UUID lotId, UUID holderId) {
		return jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM ammunition_holding WHERE lot_id = ? AND holder_id = ?")
			.params(lotId, holderId)
			.query(Long.class)
			.single();
	}

	/**
	 * The next record number, e.g. FA-2026-000123; runs under the ledger's append lock,
	 * so numbers never clash.
	 */
	String nextRecordNumber(String prefix) {
		return reserveRecordNumbers(prefix, 1).getFirst();
	}

	/** {@code count} consecutive record numbers, reserved in one step (bulk import). */
	List<String> reserveRecordNumbers(String prefix, int count) {
		int year = Year.now().getValue();
		int updated = jdbc
			.sql("UPDATE record_number_counter SET last_value = last_value + ? WHERE prefix = ? "
					+ "AND count_year = ?")
			.params(count, prefix, year)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO record_number_counter (prefix, count_year, last_value) VALUES (?, ?, ?)")
				.params(prefix, year, count)
				.update();
		}
		long last = jdbc.sql("SELECT last_value FROM record_number_counter WHERE prefix = ? AND count_year = ?")
			.params(prefix, year)
			.query(Long.class)
			.single();
		List<String> numbers = new ArrayList<>(count);
		for (long value = last - count + 1; value <= last; value++) {
			numbers.add(String.format("%s-%d-%06d", prefix, year, value));
		}
		return numbers;
	}

	/**
	 * Moves this year's counter of {@code prefix} up to the highest record number on the
	 * record: after a rebuild from the ledger (or a restore) the counter is not behind
	 * the numbers already issued.
	 */
	void catchUpRecordNumbers(String prefix) {
		int year = Year.now().getValue();
		String start = String.format("%s-%d-", prefix, year);
		Optional<Long> highest = jdbc
			.sql("SELECT record_number FROM firearm WHERE record_number LIKE ? "
					+ "ORDER BY LENGTH(record_number) DESC, record_number DESC FETCH FIRST 1 ROWS ONLY")
			.param(start + "%")
			.query(String.class)
			.optional()
			.map(number -> Long.valueOf(number.substring(start.length())));
		highest.ifPresent(issued -> raiseRecordNumbers(prefix, year, issued));
	}

	/**
	 * Moves the counter of {@code prefix} in {@code year} up to {@code issued} when it is
	 * behind it.
	 */
	void raiseRecordNumbers(String prefix, int year, long issued) {
		int updated = jdbc
			.sql("UPDATE record_number_counter SET last_value = ? WHERE prefix = ? AND count_year = ? "
					+ "AND last_value < ?")
			.params(issued, prefix, year, issued)
			.update();
		if (updated == 0 && jdbc.sql("SELECT COUNT(*) FROM record_number_counter WHERE prefix = ? AND count_year = ?")
			.params(prefix, year)
			.query(Long.class)
			.single() == 0) {
			jdbc.sql("INSERT INTO record_number_counter (prefix, count_year, last_value) VALUES (?, ?, ?)")
				.params(prefix, year, issued)
				.update();
		}
	}

	boolean legacyReferenceExists(String legacyReference) {
		return legacyReference != null && jdbc.sql("SELECT COUNT(*) FROM firearm WHERE legacy_reference = ?")
			.param(legacyReference)
			.query(Long.class)
			.single() > 0;
	}

}
