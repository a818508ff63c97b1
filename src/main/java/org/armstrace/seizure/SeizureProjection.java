package org.armstrace.seizure;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.armstrace.command.Projection;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.seizure.SeizureEvent.CustodyEventRecorded;
import org.armstrace.seizure.SeizureEvent.DestructionApproved;
import org.armstrace.seizure.SeizureEvent.DestructionProposed;
import org.armstrace.seizure.SeizureEvent.ItemSeized;
import org.armstrace.seizure.SeizureEvent.JudicialHoldPlaced;
import org.armstrace.seizure.SeizureEvent.JudicialHoldReleased;
import org.armstrace.seizure.SeizureEvent.PersonInvolved;
import org.armstrace.seizure.SeizureEvent.RecoveryStepRecorded;
import org.armstrace.seizure.SeizureEvent.SeizedItemDestroyed;
import org.armstrace.seizure.SeizureEvent.SeizureRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Applies seizure events to the seizure tables; a rebuild applies them all again from
 * zero.
 */
@Component
class SeizureProjection implements Projection<SeizureEvent> {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SeizureProjection(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void apply(SeizureEvent event, LedgerEntry entry) {
		long seq = entry.seq();
		switch (event) {
			case SeizureRecorded e -> seizure(e, seq);
			case PersonInvolved e ->
				jdbc.sql("INSERT INTO seizure_person (seizure_id, person_id, role) VALUES (?, ?, ?)")
					.params(e.seizureId(), e.personId(), e.role().name())
					.update();
			case ItemSeized e -> item(e, seq);
			case RecoveryStepRecorded e -> step(e, seq);
			case CustodyEventRecorded e -> custody(e, seq);
			case JudicialHoldPlaced e -> jdbc
				.sql("INSERT INTO judicial_hold (id, item_id, case_reference, court, "
						+ "placed_on, held_until, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(e.holdId(), e.itemId(), e.caseReference(), e.court(), e.placedOn(), e.until(), seq)
				.update();
			case JudicialHoldReleased e ->
				jdbc.sql("UPDATE judicial_hold SET released_on = ?, release_reason = ?, " + "last_seq = ? WHERE id = ?")
					.params(e.releasedOn(), e.reason(), seq, e.holdId())
					.update();
			case DestructionProposed e -> jdbc
				.sql("INSERT INTO destruction_proposal (id, item_ids, method, witnesses, destroy_on, proposed_by, "
						+ "proposed_at, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(e.proposalId(), e.itemIds().stream().map(UUID::toString).collect(Collectors.joining(",")),
						e.method(), String.join("\n", e.witnesses()), e.on(), entry.actor(),
						OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC), seq)
				.update();
			case DestructionApproved e ->
				jdbc.sql("UPDATE destruction_proposal SET approved_by = ?, approved_at = ?, last_seq = ? WHERE id = ?")
					.params(entry.actor(), OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC), seq,
							e.proposalId())
					.update();
			case SeizedItemDestroyed e -> jdbc
				.sql("UPDATE seized_item SET custody_status = 'DESTROYED', destroyed_on = ?, "
						+ "destruction_batch = ?, custody_since = ?, last_seq = ? WHERE id = ?")
				.params(e.on(), e.batchId(), e.on(), seq, e.itemId())
				.update();
		}
	}

	private void seizure(SeizureRecorded e, long seq) {
		SeizureEvent.Shipment s = e.shipment();
		jdbc.sql("INSERT INTO seizure (id, reference, seized_on, country, region, locality, latitude, longitude, "
				+ "place_kind, agency, case_reference, legal_basis, criminal_context, carrier, tracking_number, "
				+ "declared_content, origin_country, destination_country, sender_id, recipient_id, last_seq) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(e.seizureId(), e.reference(), e.seizedOn(), e.country(), e.region(), e.locality(), e.latitude(),
					e.longitude(), e.placeKind().name(), e.agency(), e.caseReference(), e.legalBasis().name(),
					e.criminalContext().name(), s == null ? null : s.carrier(), s == null ? null : s.trackingNumber(),
					s == null ? null : s.declaredContent(), s == null ? null : s.originCountry(),
					s == null ? null : s.destinationCountry(), s == null ? null : s.senderId(),
					s == null ? null : s.recipientId(), seq)
			.update();
	}

	private void item(ItemSeized e, long seq) {
		jdbc.sql("INSERT INTO seized_item (id, seizure_id, item_number, kind, observed, "
				+ "observed_serial, make, calibre, firearm_type, country_of_manufacture, country_of_last_import, "
				+ "part_kind, quantity, headstamp, lot_number, firearm_id, storage_location, custody_status, "
				+ "custodian, custody_since, non_industrial_entry, non_industrial_kind, last_seq, seized_on) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'IN_CUSTODY', ?, ?, ?, ?, ?, "
				// the seizure's date, copied for reading a period's items by date
				+ "(SELECT seized_on FROM seizure WHERE id = ?))")
			.params(e.itemId(), e.seizureId(), e.itemNumber(), e.kind().name(),
					e.observed() == null ? null : json.writeValueAsString(e.observed()),
					e.observed() == null ? null : e.observed().serial(),
					e.observed() == null ? null : e.observed().make(),
					e.calibre() != null ? e.calibre() : e.observed() == null ? null : e.observed().calibre(),
					e.observed() == null ? null : e.observed().type(),
					e.observed() == null ? null : e.observed().countryOfManufacture(), e.countryOfLastImport(),
					e.partKind(), e.quantity(), e.headstamp(), e.lotNumber(), e.firearmId(), e.storageLocation(),
					e.custodian(), e.on(), e.nonIndustrialEntry(), e.nonIndustrialKind(), seq, e.seizureId())
			.update();
	}

	private void step(RecoveryStepRecorded e, long seq) {
		switch (e.step()) {
			case NATIONAL_REGISTRY_MATCH -> {
				jdbc.sql("UPDATE seized_item SET match_outcome = ?, last_seq = ? " + "WHERE id = ?")
					.params(e.state().name(), seq, e.itemId())
					.update();
				if (e.firearmId() != null) {
					jdbc.sql("UPDATE seized_item SET firearm_id = ? WHERE id = ?")
						.params(e.firearmId(), e.itemId())
						.update();
				}
			}
			case LOST_OR_STOLEN_STATUS ->
				jdbc.sql("UPDATE seized_item SET lost_or_stolen = ?, last_seq = ? " + "WHERE id = ?")
					.params(e.state() == StepState.NEEDS_ATTENTION, seq, e.itemId())
					.update();
			case TRACE_REQUEST -> jdbc
				.sql("UPDATE seized_item SET trace_request_id = ?, trace_exception = ?, " + "last_seq = ? WHERE id = ?")
				.params(e.traceRequestId(), e.state() == StepState.EXCEPTION ? e.firstValue() : null, seq, e.itemId())
				.update();
			case BALLISTIC_REFERENCE ->
				jdbc.sql("UPDATE seized_item SET ballistic_reference = ?, last_seq = ? " + "WHERE id = ?")
					.params(e.state() == StepState.DONE ? e.firstValue() : null, seq, e.itemId())
					.update();
			case INTERNATIONAL_CHECK ->
				jdbc.sql("UPDATE seized_item SET last_seq = ? WHERE id = ?").params(seq, e.itemId()).update();
		}
	}

	private void custody(CustodyEventRecorded e, long seq) {
		CustodyStatus status = switch (e.kind()) {
			case CHECKED_IN, MOVED -> CustodyStatus.IN_CUSTODY;
			case SENT_TO_LABORATORY -> CustodyStatus.AT_LABORATORY;
			case SENT_TO_COURT -> CustodyStatus.AT_COURT;
			case RETURNED -> CustodyStatus.RETURNED;
		};
		jdbc.sql("UPDATE seized_item SET custody_status = ?, storage_location = COALESCE(?, storage_location), "
				+ "custodian = COALESCE(?, custodian), custody_since = ?, last_seq = ? WHERE id = ?")
			.params(status.name(), e.location(), e.custodian(), e.on(), seq, e.itemId())
			.update();
	}

	@Override
	public void reset() {
		jdbc.sql("DELETE FROM destruction_proposal").update();
		jdbc.sql("DELETE FROM judicial_hold").update();
		jdbc.sql("DELETE FROM seizure_person").update();
		jdbc.sql("DELETE FROM seized_item").update();
		jdbc.sql("DELETE FROM seizure").update();
	}

	@Override
	public String name() {
		return "seizure";
	}

	@Override
	public List<String> tables() {
		return List.of("destruction_proposal", "judicial_hold", "seizure_person", "seized_item", "seizure");
	}

	@Override
	public Map<String, Class<? extends SeizureEvent>> eventTypes() {
		return SeizureEvent.TYPES;
	}

}
