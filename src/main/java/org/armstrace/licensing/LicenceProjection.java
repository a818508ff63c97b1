package org.armstrace.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.armstrace.command.Projection;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.licensing.LicensingEvent.BrokeringActivityRecorded;
import org.armstrace.licensing.LicensingEvent.LicenceApplied;
import org.armstrace.licensing.LicensingEvent.LicenceExpired;
import org.armstrace.licensing.LicensingEvent.LicenceGranted;
import org.armstrace.licensing.LicensingEvent.LicenceRefused;
import org.armstrace.licensing.LicensingEvent.LicenceReinstated;
import org.armstrace.licensing.LicensingEvent.LicenceRevoked;
import org.armstrace.licensing.LicensingEvent.LicenceSuspended;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Applies licensing events to the licence tables; a rebuild applies them all again. */
@Component
class LicenceProjection implements Projection<LicensingEvent> {

	private final JdbcClient jdbc;

	LicenceProjection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void apply(LicensingEvent event, LedgerEntry entry) {
		long seq = entry.seq();
		switch (event) {
			case LicenceApplied e -> {
				jdbc.sql("INSERT INTO licence (id, holder_id, kind, state, issuing_authority, conditions, "
						+ "storage_inspected, applied_on, state_changed_on, last_seq, verification_code) "
						+ "VALUES (?, ?, ?, 'APPLIED', ?, ?, ?, ?, ?, ?, ?)")
					.params(e.licenceId(), e.holderId(), e.kind().name(), e.issuingAuthority(), e.conditions(),
							e.storageInspected(), e.appliedOn(), e.appliedOn(), seq, VerificationCode.of(e.licenceId()))
					.update();
				for (Coverage c : e.coverage()) {
					jdbc.sql("INSERT INTO licence_coverage (licence_id, category, quantity) VALUES (?, ?, ?)")
						.params(e.licenceId(), c.category(), c.quantity())
						.update();
				}
			}
			case LicenceGranted e -> jdbc
				.sql("UPDATE licence SET state = 'GRANTED', number = ?, issued_on = ?, valid_until = ?, "
						+ "state_changed_on = ?, last_seq = ? WHERE id = ?")
				.params(e.number(), e.issuedOn(), e.validUntil(), e.issuedOn(), seq, e.licenceId())
				.update();
			case LicenceRefused e -> state(e.licenceId(), LicenceState.REFUSED, e.reason(), null, e.occurredOn(), seq);
			case LicenceSuspended e ->
				state(e.licenceId(), LicenceState.SUSPENDED, e.reason(), e.orderReference(), e.occurredOn(), seq);
			case LicenceReinstated e -> state(e.licenceId(), LicenceState.GRANTED, null, null, e.occurredOn(), seq);
			case LicenceRevoked e -> state(e.licenceId(), LicenceState.REVOKED, e.reason(), null, e.occurredOn(), seq);
			case LicenceExpired e -> state(e.licenceId(), LicenceState.EXPIRED, null, null, e.occurredOn(), seq);
			case BrokeringActivityRecorded e -> jdbc
				.sql("INSERT INTO brokering_activity (id, licence_id, description, category, quantity, from_country, "
						+ "to_country, transit_countries, seller_id, buyer_id, transaction_reference, occurred_on, "
						+ "last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(e.activityId(), e.licenceId(), e.description(), e.category(), e.quantity(), e.fromCountry(),
						e.toCountry(),
						e.transitCountries() == null || e.transitCountries().isEmpty() ? null
								: String.join(",", e.transitCountries()),
						e.sellerId(), e.buyerId(), e.transactionReference(), e.occurredOn(), seq)
				.update();
		}
	}

	private void state(UUID id, LicenceState state, String reason, String order, LocalDate on, long seq) {
		jdbc.sql("UPDATE licence SET state = ?, state_reason = ?, order_reference = ?, state_changed_on = ?, "
				+ "last_seq = ? WHERE id = ?")
			.params(state.name(), reason, order, on, seq, id)
			.update();
	}

	@Override
	public void reset() {
		jdbc.sql("DELETE FROM brokering_activity").update();
		jdbc.sql("DELETE FROM licence_coverage").update();
		jdbc.sql("DELETE FROM licence").update();
	}

	@Override
	public String name() {
		return "licensing";
	}

	@Override
	public List<String> tables() {
		return List.of("brokering_activity", "licence_coverage", "licence");
	}

	@Override
	public Map<String, Class<? extends LicensingEvent>> eventTypes() {
		return LicensingEvent.TYPES;
	}

}
