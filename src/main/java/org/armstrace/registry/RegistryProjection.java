package org.armstrace.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.armstrace.command.Projection;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.reference.Names;
import org.armstrace.registry.RegistryEvent.AmmunitionConsumed;
import org.armstrace.registry.RegistryEvent.AmmunitionProduced;
import org.armstrace.registry.RegistryEvent.AmmunitionTransferred;
import org.armstrace.registry.RegistryEvent.FirearmClassified;
import org.armstrace.registry.RegistryEvent.FirearmConverted;
import org.armstrace.registry.RegistryEvent.FirearmDeactivated;
import org.armstrace.registry.RegistryEvent.FirearmDestroyed;
import org.armstrace.registry.RegistryEvent.FirearmExported;
import org.armstrace.registry.RegistryEvent.FirearmFoundAfterDestruction;
import org.armstrace.registry.RegistryEvent.FirearmImported;
import org.armstrace.registry.RegistryEvent.FirearmManufactured;
import org.armstrace.registry.RegistryEvent.FirearmMarked;
import org.armstrace.registry.RegistryEvent.FirearmRecovered;
import org.armstrace.registry.RegistryEvent.FirearmReportedLost;
import org.armstrace.registry.RegistryEvent.FirearmReportedStolen;
import org.armstrace.registry.RegistryEvent.FirearmSeized;
import org.armstrace.registry.RegistryEvent.FirearmTransferred;
import org.armstrace.registry.RegistryEvent.HolderRegistered;
import org.armstrace.registry.RegistryEvent.LegacyFirearmImported;
import org.armstrace.registry.RegistryEvent.LegacyValueStandardised;
import org.armstrace.registry.RegistryEvent.LegacyValuesKeptAsWritten;
import org.armstrace.registry.RegistryEvent.PartFitted;
import org.armstrace.registry.RegistryEvent.PartManufactured;
import org.armstrace.registry.RegistryEvent.PartRemoved;
import org.armstrace.registry.RegistryEvent.TransitRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the registry's tables in step with its events. The same code serves the live
 * write path and {@code rebuild}, so a rebuilt table cannot differ from a live one.
 */
@Component
class RegistryProjection implements Projection<RegistryEvent> {

	static final String NAME = "registry";

	/** Tables this projection owns, in an order that may be emptied one by one. */
	static final List<String> TABLES = List.of("holding_movement", "deactivation_certificate", "legacy_reading",
			"firearm_as_written", "item_marking", "ammunition_holding", "ammunition_lot", "part", "firearm", "holder");

	private final JdbcClient jdbc;

	private final RecordReadings readings;

	RegistryProjection(JdbcClient jdbc, RecordReadings readings) {
		this.jdbc = jdbc;
		this.readings = readings;
	}

	@Override
	public void apply(RegistryEvent event, LedgerEntry entry) {
		apply(event, entry.seq());
	}

	/** A bulk import's batch of legacy firearms is written many rows per statement. */
	@Override
	public void applyAll(List<? extends RegistryEvent> events, List<LedgerEntry> entries) {
		if (events.stream()
			.allMatch(e -> e instanceof LegacyFirearmImported || e instanceof LegacyValuesKeptAsWritten)) {
			List<LegacyFirearmImported> firearms = new ArrayList<>();
			List<Long> firearmSeqs = new ArrayList<>();
			List<LegacyValuesKeptAsWritten> kept = new ArrayList<>();
			for (int i = 0; i < events.size(); i++) {
				if (events.get(i) instanceof LegacyFirearmImported f) {
					firearms.add(f);
					firearmSeqs.add(entries.get(i).seq());
				}
				else {
					kept.add((LegacyValuesKeptAsWritten) events.get(i));
				}
			}
			insertLegacy(firearms, firearmSeqs);
			readings.kept(kept);
			return;
		}
		if (events.size() > 1 && events.stream()
			.allMatch(e -> e instanceof FirearmManufactured m && m.suspectedDuplicateOf() == null)) {
			insertRun(events.stream().map(FirearmManufactured.class::cast).toList(), entries);
			return;
		}
		Projection.super.applyAll(events, entries);
	}

	@Override
	public void caughtUpTo(long seq) {
		advanceTo(seq);
	}

	private void apply(RegistryEvent event, long seq) {
		switch (event) {
			case HolderRegistered e -> jdbc
				.sql("INSERT INTO holder (id, role, country, licence_reference, last_seq) " + "VALUES (?, ?, ?, ?, ?)")
				.params(e.holderId(), e.role().name(), e.country(), e.licenceReference(), seq)
				.update();
			case RegistryEvent.AboutFirearm e -> firearmFact(e, seq);
			case RegistryEvent.AboutPart e -> partFact(e, seq);
			case RegistryEvent.AboutAmmunitionLot e -> ammunitionFact(e, seq);
			case LegacyValuesKeptAsWritten e -> readings.kept(List.of(e));
			case LegacyValueStandardised e -> readings.standardised(e, seq);
			case RegistryEvent.FirearmIdentifiedAsNonIndustrial e -> readings.identified(e, seq);
		}
	}

	private void firearmFact(RegistryEvent.AboutFirearm event, long seq) {
		movements(event, seq);
		switch (event) {
			case FirearmManufactured e -> manufactured(e, seq);
			case LegacyFirearmImported e -> insertLegacy(List.of(e), List.of(seq));
			case FirearmMarked e -> {
				addMarkings(e.firearmId(), List.of(e.marking()));
				touch(e.firearmId(), seq);
			}
			case FirearmImported e -> {
				if (e.importMarking() != null) {
					addMarkings(e.firearmId(), List.of(e.importMarking()));
				}
				firearm(e.firearmId(), seq, FirearmStatus.ACTIVE, e.importerId());
			}
			case FirearmExported e -> firearm(e.firearmId(), seq, FirearmStatus.EXPORTED, null);
			case TransitRecorded e -> touch(e.firearmId(), seq);
			case FirearmClassified e -> jdbc.sql("UPDATE firearm SET category = ?, last_seq = ? WHERE id = ?")
				.params(e.category(), seq, e.firearmId())
				.update();
			case FirearmTransferred e -> firearm(e.firearmId(), seq, null, e.toHolderId());
			case FirearmReportedLost e -> firearm(e.firearmId(), seq, FirearmStatus.LOST, null);
			case FirearmReportedStolen e -> firearm(e.firearmId(), seq, FirearmStatus.STOLEN, null);
			case FirearmRecovered e -> firearm(e.firearmId(), seq, FirearmStatus.ACTIVE, null);
			case FirearmSeized e -> firearm(e.firearmId(), seq, FirearmStatus.SEIZED, null);
			case FirearmDeactivated e -> {
				addMarkings(e.firearmId(), List.of(e.deactivationMarking()));
				firearm(e.firearmId(), seq, FirearmStatus.DEACTIVATED, null);
				// a certificate number already on the record (a re-issued certificate)
				// keeps
				// its first firearm: the command refuses a second one
				if (jdbc.sql("SELECT COUNT(*) FROM deactivation_certificate WHERE number = ?")
					.param(e.certificateNumber())
					.query(Long.class)
					.single() == 0) {
					jdbc.sql("INSERT INTO deactivation_certificate (number, firearm_id, standard, verifying_authority, "
							+ "marking, deactivated_on, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?)")
						.params(e.certificateNumber(), e.firearmId(), e.standard(), e.verifyingAuthority(),
								e.deactivationMarking() == null ? null : e.deactivationMarking().text(), e.occurredOn(),
								seq)
						.update();
				}
			}
			case FirearmConverted e ->
				jdbc.sql("UPDATE firearm SET type = ?, converted = TRUE, last_seq = ? WHERE id = ?")
					.params(e.newType().name(), seq, e.firearmId())
					.update();
			case FirearmDestroyed e -> firearm(e.firearmId(), seq, FirearmStatus.DESTROYED, null);
			case FirearmFoundAfterDestruction e ->
				jdbc.sql("UPDATE firearm SET status = ?, diversion_flag = TRUE, " + "last_seq = ? WHERE id = ?")
					.params(FirearmStatus.FOUND_AFTER_DESTRUCTION.name(), seq, e.firearmId())
					.update();
		}
	}

	private void partFact(RegistryEvent.AboutPart event, long seq) {
		switch (event) {
			case PartManufactured e -> {
				movement(e.holderId(), seq, Movement.MADE, "PART", e.partId(), 1, null, e.countryOfManufacture(),
						e.occurredOn());
				jdbc.sql("INSERT INTO part (id, kind, make, calibre, serial, serial_key, country_of_manufacture, "
						+ "holder_id, fitted_to, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)")
					.params(e.partId(), e.kind().name(), e.make(), e.calibre(), e.serial(),
							SerialNumbers.key(e.serial()), e.countryOfManufacture(), e.holderId(), seq)
					.update();
				addMarkings(e.partId(), e.markings());
			}
			case PartFitted e -> jdbc.sql("UPDATE part SET fitted_to = ?, last_seq = ? WHERE id = ?")
				.params(e.firearmId(), seq, e.partId())
				.update();
			case PartRemoved e -> jdbc.sql("UPDATE part SET fitted_to = NULL, last_seq = ? WHERE id = ?")
				.params(seq, e.partId())
				.update();
		}
	}

	private void ammunitionFact(RegistryEvent.AboutAmmunitionLot event, long seq) {
		switch (event) {
			case AmmunitionProduced e -> {
				jdbc.sql("INSERT INTO ammunition_lot (id, manufacturer, calibre, lot_number, headstamp, "
						+ "year_of_production, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?)")
					.params(e.lotId(), e.manufacturer(), e.calibre(), e.lotNumber(), e.headstamp(), e.year(), seq)
					.update();
				addQuantity(e.lotId(), e.holderId(), e.quantity());
				movement(e.holderId(), seq, Movement.MADE, "AMMUNITION", e.lotId(), e.quantity(), null, null,
						e.occurredOn());
			}
			case AmmunitionTransferred e -> {
				movement(e.fromHolderId(), seq, Movement.DISPOSED, "AMMUNITION", e.lotId(), e.quantity(),
						e.toHolderId(), null, e.occurredOn());
				movement(e.toHolderId(), seq, Movement.ACQUIRED, "AMMUNITION", e.lotId(), e.quantity(),
						e.fromHolderId(), null, e.occurredOn());
				addQuantity(e.lotId(), e.fromHolderId(), -e.quantity());
				addQuantity(e.lotId(), e.toHolderId(), e.quantity());
				touchLot(e.lotId(), seq);
			}
			case AmmunitionConsumed e -> {
				movement(e.holderId(), seq, Movement.CONSUMED, "AMMUNITION", e.lotId(), e.quantity(), null, null,
						e.occurredOn());
				addQuantity(e.lotId(), e.holderId(), -e.quantity());
				touchLot(e.lotId(), seq);
			}
		}
	}

	/**
	 * The lines a firearm's fact writes in its holders' registers, read before the fact
	 * changes the firearm's row (a loss, seizure or export is the current holder's).
	 */
	private void movements(RegistryEvent.AboutFirearm event, long seq) {
		switch (event) {
			case FirearmManufactured e -> movement(e.holderId(), seq, Movement.MADE, "FIREARM", e.firearmId(), 1, null,
					e.countryOfManufacture(), e.occurredOn());
			case FirearmImported e -> movement(e.importerId(), seq, Movement.IMPORTED, "FIREARM", e.firearmId(), 1,
					null, e.fromCountry(), e.occurredOn());
			case FirearmTransferred e -> {
				movement(e.fromHolderId(), seq, Movement.DISPOSED, "FIREARM", e.firearmId(), 1, e.toHolderId(), null,
						e.occurredOn());
				movement(e.toHolderId(), seq, Movement.ACQUIRED, "FIREARM", e.firearmId(), 1, e.fromHolderId(), null,
						e.occurredOn());
			}
			case FirearmExported e ->
				heldMovement(e.firearmId(), seq, Movement.EXPORTED, e.toCountry(), e.occurredOn());
			case FirearmReportedLost e -> heldMovement(e.firearmId(), seq, Movement.LOST, null, e.occurredOn());
			case FirearmReportedStolen e -> heldMovement(e.firearmId(), seq, Movement.STOLEN, null, e.occurredOn());
			case FirearmRecovered e -> heldMovement(e.firearmId(), seq, Movement.RECOVERED, null, e.occurredOn());
			case FirearmSeized e -> heldMovement(e.firearmId(), seq, Movement.SEIZED, null, e.occurredOn());
			case FirearmDestroyed e -> heldMovement(e.firearmId(), seq, Movement.DESTROYED, null, e.occurredOn());
			default -> {
			}
		}
	}

	private void heldMovement(UUID firearmId, long seq, Movement movement, String country, LocalDate on) {
		jdbc.sql("SELECT holder_id FROM firearm WHERE id = ? AND holder_id IS NOT NULL")
			.param(firearmId)
			.query(UUID.class)
			.optional()
			.ifPresent(holder -> movement(holder, seq, movement, "FIREARM", firearmId, 1, null, country, on));
	}

	private void movement(UUID holderId, long seq, Movement movement, String itemKind, UUID itemId, long quantity,
			UUID counterpartyId, String country, LocalDate on) {
		if (holderId == null) {
			return;
		}
		jdbc.sql("INSERT INTO holding_movement (holder_id, seq, movement, item_kind, item_id, quantity, "
				+ "counterparty_id, country, occurred_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(holderId, seq, movement.name(), itemKind, itemId, quantity, counterpartyId, country, on)
			.update();
	}

	/**
	 * Records the last ledger entry applied; called once per transaction, after its
	 * events.
	 */
	private void advanceTo(long seq) {
		jdbc.sql("UPDATE projection_position SET last_seq = ? WHERE projection = ? AND last_seq < ?")
			.params(seq, NAME, seq)
			.update();
	}

	private void manufactured(FirearmManufactured e, long seq) {
		jdbc.sql("INSERT INTO firearm (id, record_number, type, craft_made, printed_3d, converted, modular, make, "
				+ "make_key, model, calibre, serial, serial_key, country_of_manufacture, year_of_manufacture, "
				+ "legacy_reference, status, holder_id, suspected_duplicate, diversion_flag, registered_seq, last_seq) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)")
			.params(e.firearmId(), e.recordNumber(), e.firearmType().name(), e.kinds().craftMade(),
					e.kinds().printed3d(), e.kinds().converted(), e.kinds().modular(), e.make(),
					Names.makerKey(e.make()), e.model(), e.calibre(), e.serial(), SerialNumbers.key(e.serial()),
					e.countryOfManufacture(), e.year(), e.legacyReference(), FirearmStatus.ACTIVE.name(), e.holderId(),
					e.suspectedDuplicateOf() != null, seq, seq)
			.update();
		addMarkings(e.firearmId(), e.markings());
		if (e.suspectedDuplicateOf() != null) {
			jdbc.sql("UPDATE firearm SET suspected_duplicate = TRUE WHERE id = ?")
				.param(e.suspectedDuplicateOf())
				.update();
		}
	}

	/**
	 * A production run, many rows per statement: the same rows {@link #manufactured}
	 * writes one by one (a new firearm's markings are numbered from 0), in a fraction of
	 * the round trips.
	 */
	private void insertRun(List<FirearmManufactured> run, List<LedgerEntry> entries) {
		final int rowsPerStatement = 250;
		for (int from = 0; from < run.size(); from += rowsPerStatement) {
			int to = Math.min(run.size(), from + rowsPerStatement);
			StringBuilder firearms = new StringBuilder("INSERT INTO firearm (id, record_number, type, craft_made, "
					+ "printed_3d, converted, modular, make, make_key, model, calibre, serial, serial_key, "
					+ "country_of_manufacture, year_of_manufacture, legacy_reference, status, holder_id, "
					+ "suspected_duplicate, diversion_flag, registered_seq, last_seq) VALUES ");
			StringBuilder markings = new StringBuilder(
					"INSERT INTO item_marking (item_id, ordinal, kind, text, country, marking_year) VALUES ");
			List<Object> firearmParams = new ArrayList<>();
			List<Object> markingParams = new ArrayList<>();
			for (int i = from; i < to; i++) {
				FirearmManufactured e = run.get(i);
				long seq = entries.get(i).seq();
				firearms.append(i == from ? "" : ", ")
					.append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, ?, ?)");
				firearmParams.addAll(Arrays.asList(e.firearmId(), e.recordNumber(), e.firearmType().name(),
						e.kinds().craftMade(), e.kinds().printed3d(), e.kinds().converted(), e.kinds().modular(),
						e.make(), Names.makerKey(e.make()), e.model(), e.calibre(), e.serial(),
						SerialNumbers.key(e.serial()), e.countryOfManufacture(), e.year(), e.legacyReference(),
						FirearmStatus.ACTIVE.name(), e.holderId(), seq, seq));
				for (int ordinal = 0; ordinal < e.markings().size(); ordinal++) {
					Marking m = e.markings().get(ordinal);
					markings.append(markingParams.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
					markingParams.addAll(
							Arrays.asList(e.firearmId(), ordinal, m.kind().name(), m.text(), m.country(), m.year()));
				}
			}
			jdbc.sql(firearms.toString()).params(firearmParams).update();
			if (!markingParams.isEmpty()) {
				jdbc.sql(markings.toString()).params(markingParams).update();
			}
			madeInBulk(run.subList(from, to), entries.subList(from, to));
		}
	}

	/** The maker's register lines of a production run, in one statement. */
	private void madeInBulk(List<FirearmManufactured> run, List<LedgerEntry> entries) {
		StringBuilder sql = new StringBuilder("INSERT INTO holding_movement (holder_id, seq, movement, item_kind, "
				+ "item_id, quantity, counterparty_id, country, occurred_on) VALUES ");
		List<Object> params = new ArrayList<>();
		for (int i = 0; i < run.size(); i++) {
			FirearmManufactured e = run.get(i);
			if (e.holderId() != null) {
				sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, 1, NULL, ?, ?)");
				params.addAll(Arrays.asList(e.holderId(), entries.get(i).seq(), Movement.MADE.name(), "FIREARM",
						e.firearmId(), e.countryOfManufacture(), e.occurredOn()));
			}
		}
		if (!params.isEmpty()) {
			jdbc.sql(sql.toString()).params(params).update();
		}
	}

	/**
	 * Legacy firearms, many rows per statement: the bulk import's path, and (one at a
	 * time) the live and rebuild path too, so both write exactly the same rows.
	 */
	void insertLegacy(List<LegacyFirearmImported> events, List<Long> seqs) {
		final int rowsPerStatement = 250;
		for (int from = 0; from < events.size(); from += rowsPerStatement) {
			int to = Math.min(events.size(), from + rowsPerStatement);
			StringBuilder sql = new StringBuilder(
					"INSERT INTO firearm (id, record_number, type, craft_made, printed_3d, "
							+ "converted, modular, make, make_key, model, calibre, serial, serial_key, country_of_manufacture, "
							+ "year_of_manufacture, legacy_reference, status, holder_id, suspected_duplicate, diversion_flag, "
							+ "registered_seq, last_seq) VALUES ");
			List<Object> params = new ArrayList<>((to - from) * 19);
			for (int i = from; i < to; i++) {
				LegacyFirearmImported e = events.get(i);
				sql.append(i == from ? "" : ", ")
					.append("(?, ?, ?, FALSE, FALSE, FALSE, FALSE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)");
				params.addAll(Arrays.asList(e.firearmId(), e.recordNumber(), e.firearmType().name(), e.make(),
						Names.makerKey(e.make()), e.model(), e.calibre(), e.serial(), SerialNumbers.key(e.serial()),
						e.countryOfManufacture(), e.year(), e.legacyReference(), e.legacyStatus().name(), e.holderId(),
						e.legacyStatus() == FirearmStatus.FOUND_AFTER_DESTRUCTION, seqs.get(i), seqs.get(i)));
			}
			jdbc.sql(sql.toString()).params(params).update();
		}
	}

	/** Sets the status and/or the holder (null leaves it as it is). */
	private void firearm(UUID id, long seq, FirearmStatus status, UUID holder) {
		jdbc.sql("UPDATE firearm SET status = COALESCE(?, status), holder_id = COALESCE(?, holder_id), last_seq = ? "
				+ "WHERE id = ?")
			.params(status == null ? null : status.name(), holder, seq, id)
			.update();
	}

	private void touch(UUID firearmId, long seq) {
		jdbc.sql("UPDATE firearm SET last_seq = ? WHERE id = ?").params(seq, firearmId).update();
	}

	private void touchLot(UUID lotId, long seq) {
		jdbc.sql("UPDATE ammunition_lot SET last_seq = ? WHERE id = ?").params(seq, lotId).update();
	}

	private void addMarkings(UUID itemId, List<Marking> markings) {
		int next = jdbc.sql("SELECT COALESCE(MAX(ordinal) + 1, 0) FROM item_marking WHERE item_id = ?")
			.param(itemId)
			.query(Integer.class)
			.single();
		for (Marking m : markings) {
			jdbc.sql("INSERT INTO item_marking (item_id, ordinal, kind, text, country, marking_year) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
				.params(itemId, next++, m.kind().name(), m.text(), m.country(), m.year())
				.update();
		}
	}

	private void addQuantity(UUID lotId, UUID holderId, long delta) {
		int updated = jdbc
			.sql("UPDATE ammunition_holding SET quantity = quantity + ? WHERE lot_id = ? " + "AND holder_id = ?")
			.params(delta, lotId, holderId)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO ammunition_holding (lot_id, holder_id, quantity) VALUES (?, ?, ?)")
				.params(lotId, holderId, delta)
				.update();
		}
	}

	/** Empties the projection's tables before a rebuild. */
	@Override
	public void reset() {
		for (String table : TABLES) {
			jdbc.sql("DELETE FROM " + table).update();
		}
		jdbc.sql("UPDATE projection_position SET last_seq = -1 WHERE projection = ?").param(NAME).update();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> tables() {
		return TABLES;
	}

	@Override
	public Map<String, Class<? extends RegistryEvent>> eventTypes() {
		return RegistryEvent.TYPES;
	}

}
