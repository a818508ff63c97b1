package org.armstrace.transfers;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.armstrace.command.Projection;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.licensing.VerificationCode;
import org.armstrace.transfers.TransfersEvent.AuthorisationApplied;
import org.armstrace.transfers.TransfersEvent.AuthorisationGranted;
import org.armstrace.transfers.TransfersEvent.AuthorisationRefused;
import org.armstrace.transfers.TransfersEvent.AuthorisationRevoked;
import org.armstrace.transfers.TransfersEvent.AuthorisationSuspended;
import org.armstrace.transfers.TransfersEvent.ConsignmentShipped;
import org.armstrace.transfers.TransfersEvent.EndUserCertificateRecorded;
import org.armstrace.transfers.TransfersEvent.EndUserCertificateVerified;
import org.armstrace.transfers.TransfersEvent.ForeignExportNoticeRecorded;
import org.armstrace.transfers.TransfersEvent.ImportAuthorisationRecorded;
import org.armstrace.transfers.TransfersEvent.LineQuantity;
import org.armstrace.transfers.TransfersEvent.ReceiptConfirmed;
import org.armstrace.transfers.TransfersEvent.RiskAssessed;
import org.armstrace.transfers.TransfersEvent.TransitNoticeRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Applies transfers events to the transfers tables; a rebuild applies them all again. */
@Component
class TransfersProjection implements Projection<TransfersEvent> {

	static final List<String> TABLES = List.of("consignment_line", "consignment", "risk_assessment",
			"end_user_certificate", "transit_notice", "authorisation_line", "transfer_authorisation",
			"foreign_export_notice");

	private final JdbcClient jdbc;

	TransfersProjection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void apply(TransfersEvent event, LedgerEntry entry) {
		long seq = entry.seq();
		switch (event) {
			case AuthorisationApplied e -> applied(e, seq);
			case ImportAuthorisationRecorded e -> jdbc
				.sql("UPDATE transfer_authorisation SET foreign_reference = ?, foreign_issued_on = ?, "
						+ "foreign_verified = ?, last_seq = ? WHERE id = ?")
				.params(e.reference(), e.issuedOn(), e.verifiedHow(), seq, e.authorisationId())
				.update();
			case TransitNoticeRecorded e -> {
				jdbc.sql("DELETE FROM transit_notice WHERE authorisation_id = ? AND country = ?")
					.params(e.authorisationId(), e.country())
					.update();
				jdbc.sql("INSERT INTO transit_notice (authorisation_id, country, notice_reference, noticed_on) "
						+ "VALUES (?, ?, ?, ?)")
					.params(e.authorisationId(), e.country(), e.noticeReference(), e.noticedOn())
					.update();
				touch(e.authorisationId(), seq);
			}
			case EndUserCertificateRecorded e -> {
				jdbc.sql("DELETE FROM end_user_certificate WHERE authorisation_id = ?")
					.param(e.authorisationId())
					.update();
				jdbc.sql("INSERT INTO end_user_certificate (authorisation_id, certificate_reference, end_user, "
						+ "end_use, re_export_clause, signatory) VALUES (?, ?, ?, ?, ?, ?)")
					.params(e.authorisationId(), e.certificateReference(), e.endUser(), e.endUse(), e.reExportClause(),
							e.signatory())
					.update();
				touch(e.authorisationId(), seq);
			}
			case EndUserCertificateVerified e -> {
				jdbc.sql("UPDATE end_user_certificate SET verified_with = ?, verified_on = ?, verified_by = ? "
						+ "WHERE authorisation_id = ?")
					.params(e.verifiedWith(), e.verifiedOn(), e.verifiedBy(), e.authorisationId())
					.update();
				touch(e.authorisationId(), seq);
			}
			case RiskAssessed e -> {
				jdbc.sql("DELETE FROM risk_assessment WHERE authorisation_id = ?").param(e.authorisationId()).update();
				jdbc.sql("INSERT INTO risk_assessment (authorisation_id, overriding, mitigation, assessed_on, "
						+ "assessed_by) VALUES (?, ?, ?, ?, ?)")
					.params(e.authorisationId(),
							e.overriding().isEmpty() ? null
									: String.join(",", e.overriding().stream().map(Enum::name).toList()),
							e.mitigation(), e.assessedOn(), e.assessedBy())
					.update();
				touch(e.authorisationId(), seq);
			}
			case AuthorisationGranted e -> jdbc
				.sql("UPDATE transfer_authorisation SET state = 'GRANTED', number = ?, issued_on = ?, valid_until = ?, "
						+ "conditions = ?, state_changed_on = ?, last_seq = ? WHERE id = ?")
				.params(e.number(), e.issuedOn(), e.validUntil(), e.conditions(), e.issuedOn(), seq,
						e.authorisationId())
				.update();
			case AuthorisationRefused e ->
				state(e.authorisationId(), AuthorisationState.REFUSED, e.reason(), e.occurredOn(), seq);
			case AuthorisationSuspended e ->
				state(e.authorisationId(), AuthorisationState.SUSPENDED, e.reason(), e.occurredOn(), seq);
			case AuthorisationRevoked e ->
				state(e.authorisationId(), AuthorisationState.REVOKED, e.reason(), e.occurredOn(), seq);
			case ConsignmentShipped e -> shipped(e, seq);
			case ReceiptConfirmed e -> received(e, seq);
			case ForeignExportNoticeRecorded e -> {
				jdbc.sql("DELETE FROM foreign_export_notice WHERE country = ? AND reference = ?")
					.params(e.country(), e.reference())
					.update();
				jdbc.sql("INSERT INTO foreign_export_notice (country, reference, issued_on, description, last_seq) "
						+ "VALUES (?, ?, ?, ?, ?)")
					.params(e.country(), e.reference(), e.issuedOn(), e.description(), seq)
					.update();
			}
		}
	}

	private void applied(AuthorisationApplied e, long seq) {
		jdbc.sql(
				"INSERT INTO transfer_authorisation (id, kind, state, applicant_id, issuing_authority, place_of_issue, "
						+ "export_country, import_country, transit_countries, final_recipient, description, foreign_reference, "
						+ "foreign_issued_on, applied_on, state_changed_on, verification_code, last_seq) "
						+ "VALUES (?, ?, 'APPLIED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(e.authorisationId(), e.kind().name(), e.applicantId(), e.issuingAuthority(), e.placeOfIssue(),
					e.exportCountry(), e.importCountry(),
					e.transitCountries().isEmpty() ? null : String.join(",", e.transitCountries()), e.finalRecipient(),
					e.description(), e.foreignReference(), e.foreignIssuedOn(), e.appliedOn(), e.appliedOn(),
					VerificationCode.of("transfer authorisation", e.authorisationId()), seq)
			.update();
		for (TransfersEvent.Line line : e.lines()) {
			jdbc.sql("INSERT INTO authorisation_line (authorisation_id, line_no, item_kind, firearm_id, part_kind, "
					+ "calibre, description, quantity, shipped, received) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)")
				.params(e.authorisationId(), line.lineNo(), line.kind().name(), line.firearmId(), line.partKind(),
						line.calibre(), line.description(), line.quantity())
				.update();
		}
	}

	private void shipped(ConsignmentShipped e, long seq) {
		jdbc.sql("INSERT INTO consignment (id, authorisation_id, reference, shipped_on, receipt_due, state, last_seq) "
				+ "VALUES (?, ?, ?, ?, ?, 'SHIPPED', ?)")
			.params(e.consignmentId(), e.authorisationId(), e.reference(), e.shippedOn(), e.receiptDue(), seq)
			.update();
		for (LineQuantity line : e.lines()) {
			jdbc.sql("INSERT INTO consignment_line (consignment_id, line_no, quantity) VALUES (?, ?, ?)")
				.params(e.consignmentId(), line.lineNo(), line.quantity())
				.update();
			jdbc.sql("UPDATE authorisation_line SET shipped = shipped + ? WHERE authorisation_id = ? AND line_no = ?")
				.params(line.quantity(), e.authorisationId(), line.lineNo())
				.update();
		}
		// every line shipped in full: the authorisation is used up
		long left = jdbc
			.sql("SELECT COUNT(*) FROM authorisation_line WHERE authorisation_id = ? AND shipped < quantity")
			.param(e.authorisationId())
			.query(Long.class)
			.single();
		if (left == 0) {
			state(e.authorisationId(), AuthorisationState.USED_UP, null, e.shippedOn(), seq);
		}
		else {
			touch(e.authorisationId(), seq);
		}
	}

	private void received(ReceiptConfirmed e, long seq) {
		boolean complete = true;
		for (LineQuantity line : e.lines()) {
			long shipped = jdbc.sql("SELECT quantity FROM consignment_line WHERE consignment_id = ? AND line_no = ?")
				.params(e.consignmentId(), line.lineNo())
				.query(Long.class)
				.single();
			complete &= line.quantity() >= shipped;
			jdbc.sql("UPDATE consignment_line SET received = ? WHERE consignment_id = ? AND line_no = ?")
				.params(line.quantity(), e.consignmentId(), line.lineNo())
				.update();
			jdbc.sql("UPDATE authorisation_line SET received = received + ? WHERE authorisation_id = ? AND line_no = ?")
				.params(line.quantity(), e.authorisationId(), line.lineNo())
				.update();
		}
		jdbc.sql("UPDATE consignment SET state = ?, received_on = ?, confirmed_by = ?, last_seq = ? WHERE id = ?")
			.params(complete ? "RECEIVED" : "RECEIVED_SHORT", e.receivedOn(), e.confirmedBy(), seq, e.consignmentId())
			.update();
		touch(e.authorisationId(), seq);
	}

	private void state(UUID id, AuthorisationState state, String reason, LocalDate on, long seq) {
		jdbc.sql("UPDATE transfer_authorisation SET state = ?, state_reason = ?, state_changed_on = ?, last_seq = ? "
				+ "WHERE id = ?")
			.params(state.name(), reason, on, seq, id)
			.update();
	}

	private void touch(UUID id, long seq) {
		jdbc.sql("UPDATE transfer_authorisation SET last_seq = ? WHERE id = ?").params(seq, id).update();
	}

	@Override
	public void reset() {
		TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
	}

	@Override
	public String name() {
		return "transfers";
	}

	@Override
	public List<String> tables() {
		return TABLES;
	}

	@Override
	public Map<String, Class<? extends TransfersEvent>> eventTypes() {
		return TransfersEvent.TYPES;
	}

}
