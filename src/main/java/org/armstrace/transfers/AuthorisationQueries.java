package org.armstrace.transfers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.registry.RegistryQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What officers read of international transfers: an authorisation with its lines,
 * consents, certificate, assessment and consignments; lists; and the reconciliation of
 * authorised, shipped and received that raises diversion alerts.
 */
@Service
public class AuthorisationQueries {

	/** The most authorisations one list answers. */
	public static final int LIST_LIMIT = 500;

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record LineView(int lineNo, LineKind kind, UUID firearmId, String recordNumber, String partKind,
			String calibre, String description, long quantity, long shipped, long received) {

		/** What is left to ship. */
		public long left() {
			return quantity - shipped;
		}

	}

	public record TransitNoticeView(String country, String noticeReference, LocalDate noticedOn) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record EndUserCertificateView(String certificateReference, String endUser, String endUse,
			String reExportClause, String signatory, String verifiedWith, LocalDate verifiedOn, String verifiedBy) {

		public boolean verified() {
			return verifiedOn != null;
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record RiskAssessmentView(List<RiskCriterion> overriding, String mitigation, LocalDate assessedOn,
			String assessedBy) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ConsignmentView(UUID id, UUID authorisationId, String reference, LocalDate shippedOn,
			LocalDate receiptDue, String state, LocalDate receivedOn, String confirmedBy,
			List<ConsignmentLineView> lines) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ConsignmentLineView(int lineNo, long quantity, Long received) {
	}

	/**
	 * An authorisation; {@code state} is EXPIRED for a granted one past its validity.
	 * {@code foreignReference} is, for an export, the importing State's authorisation;
	 * for an import or transit, the exporting State's.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AuthorisationView(UUID id, TransferKind kind, AuthorisationState state, UUID applicantId,
			String number, String issuingAuthority, String placeOfIssue, String exportCountry, String importCountry,
			List<String> transitCountries, String finalRecipient, String description, String conditions,
			String foreignReference, LocalDate foreignIssuedOn, String foreignVerified, LocalDate appliedOn,
			LocalDate issuedOn, LocalDate validUntil, String stateReason, LocalDate stateChangedOn,
			String verificationCode, List<LineView> lines, List<TransitNoticeView> transitNotices,
			EndUserCertificateView endUserCertificate, RiskAssessmentView riskAssessment,
			List<ConsignmentView> consignments) {
	}

	/** A line of the list: the authorisation without its parts. */
	public record AuthorisationSummary(UUID id, TransferKind kind, AuthorisationState state, String number,
			String exportCountry, String importCountry, String description, LocalDate appliedOn, LocalDate validUntil) {
	}

	/** Why reconciliation flags a transfer. */
	public enum AlertKind {

		/** Shipped, and no receipt confirmed by the day it was due. */
		RECEIPT_OVERDUE,
		/** Received, fewer than shipped on at least one line. */
		RECEIVED_SHORT,
		/**
		 * An import or transit quotes an export authorisation its exporting State never
		 * notified.
		 */
		UNKNOWN_EXPORT_REFERENCE

	}

	public record Alert(AlertKind kind, UUID authorisationId, String number, TransferKind transferKind,
			String exportCountry, String importCountry, UUID consignmentId, String consignmentReference,
			LocalDate since, String detail) {
	}

	private final JdbcClient jdbc;

	private final RegistryQueries registry;

	AuthorisationQueries(JdbcClient jdbc, RegistryQueries registry) {
		this.jdbc = jdbc;
		this.registry = registry;
	}

	@Transactional(readOnly = true)
	public Optional<AuthorisationView> authorisation(UUID id) {
		return jdbc.sql("SELECT * FROM transfer_authorisation WHERE id = ?")
			.param(id)
			.query((rs, n) -> view(rs))
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<AuthorisationView> byVerificationCode(String code) {
		return jdbc.sql("SELECT id FROM transfer_authorisation WHERE verification_code = ?")
			.param(code)
			.query(UUID.class)
			.optional()
			.flatMap(this::authorisation);
	}

	@Transactional(readOnly = true)
	/** The authorisation this State granted under {@code number}. */
	public Optional<UUID> idByNumber(String number) {
		return jdbc.sql("SELECT id FROM transfer_authorisation WHERE number = ?")
			.param(number)
			.query(UUID.class)
			.optional();
	}

	public List<AuthorisationSummary> list(TransferKind kind, AuthorisationState state) {
		StringBuilder sql = new StringBuilder(
				"SELECT id, kind, state, number, export_country, import_country, description, applied_on, "
						+ "valid_until FROM transfer_authorisation WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (kind != null) {
			sql.append(" AND kind = ?");
			params.add(kind.name());
		}
		if (state != null) {
			sql.append(" AND state = ?");
			params.add(state.name());
		}
		sql.append(" ORDER BY applied_on DESC, id FETCH FIRST " + LIST_LIMIT + " ROWS ONLY");
		LocalDate today = LocalDate.now();
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new AuthorisationSummary(rs.getObject("id", UUID.class),
					TransferKind.valueOf(rs.getString("kind")),
					effective(AuthorisationState.valueOf(rs.getString("state")),
							rs.getObject("valid_until", LocalDate.class), today),
					rs.getString("number"), rs.getString("export_country"), rs.getString("import_country"),
					rs.getString("description"), rs.getObject("applied_on", LocalDate.class),
					rs.getObject("valid_until", LocalDate.class)))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<ConsignmentView> consignment(UUID id) {
		return jdbc.sql("SELECT * FROM consignment WHERE id = ?")
			.param(id)
			.query((rs, n) -> consignment(rs))
			.optional();
	}

	boolean numberTaken(String number) {
		return jdbc.sql("SELECT COUNT(*) FROM transfer_authorisation WHERE number = ?")
			.param(number)
			.query(Long.class)
			.single() > 0;
	}

	boolean consignmentReferenceTaken(String reference) {
		return jdbc.sql("SELECT COUNT(*) FROM consignment WHERE reference = ?")
			.param(reference)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The diversion alerts on {@code today}: consignments whose receipt is overdue or
	 * short, and imports or transits quoting an export authorisation never notified; the
	 * oldest first.
	 */
	@Transactional(readOnly = true)
	public List<Alert> alerts(LocalDate today) {
		List<Alert> alerts = new ArrayList<>();
		alerts.addAll(jdbc
			.sql("SELECT a.id, a.number, a.kind, a.export_country, a.import_country, c.id AS consignment_id, "
					+ "c.reference, c.receipt_due FROM consignment c JOIN transfer_authorisation a ON a.id = "
					+ "c.authorisation_id WHERE c.state = 'SHIPPED' AND c.receipt_due < ? ORDER BY c.receipt_due")
			.param(today)
			.query((rs, n) -> new Alert(AlertKind.RECEIPT_OVERDUE, rs.getObject("id", UUID.class),
					rs.getString("number"), TransferKind.valueOf(rs.getString("kind")), rs.getString("export_country"),
					rs.getString("import_country"), rs.getObject("consignment_id", UUID.class),
					rs.getString("reference"), rs.getObject("receipt_due", LocalDate.class),
					"no receipt confirmed; due " + rs.getObject("receipt_due", LocalDate.class)))
			.list());
		alerts.addAll(jdbc
			.sql("SELECT a.id, a.number, a.kind, a.export_country, a.import_country, c.id AS consignment_id, "
					+ "c.reference, c.received_on FROM consignment c JOIN transfer_authorisation a ON a.id = "
					+ "c.authorisation_id WHERE c.state = 'RECEIVED_SHORT' ORDER BY c.received_on")
			.query((rs, n) -> new Alert(AlertKind.RECEIVED_SHORT, rs.getObject("id", UUID.class),
					rs.getString("number"), TransferKind.valueOf(rs.getString("kind")), rs.getString("export_country"),
					rs.getString("import_country"), rs.getObject("consignment_id", UUID.class),
					rs.getString("reference"), rs.getObject("received_on", LocalDate.class),
					shortLines(rs.getObject("consignment_id", UUID.class))))
			.list());
		alerts.addAll(jdbc
			.sql("SELECT a.id, a.number, a.kind, a.export_country, a.import_country, a.foreign_reference, "
					+ "a.applied_on FROM transfer_authorisation a WHERE a.kind IN ('IMPORT', 'TRANSIT') AND "
					+ "a.state NOT IN ('REFUSED', 'REVOKED') AND NOT EXISTS (SELECT 1 FROM foreign_export_notice n "
					+ "WHERE n.country = a.export_country AND n.reference = a.foreign_reference) ORDER BY a.applied_on")
			.query((rs, n) -> new Alert(AlertKind.UNKNOWN_EXPORT_REFERENCE, rs.getObject("id", UUID.class),
					rs.getString("number"), TransferKind.valueOf(rs.getString("kind")), rs.getString("export_country"),
					rs.getString("import_country"), null, null, rs.getObject("applied_on", LocalDate.class),
					"export authorisation " + rs.getString("foreign_reference") + " of "
							+ rs.getString("export_country") + " is not among the exports it notified"))
			.list());
		return alerts;
	}

	private String shortLines(UUID consignment) {
		return String.join("; ", jdbc
			.sql("SELECT line_no, quantity, received FROM consignment_line WHERE consignment_id = ? AND received < "
					+ "quantity ORDER BY line_no")
			.param(consignment)
			.query((rs, n) -> "line " + rs.getInt("line_no") + ": shipped " + rs.getLong("quantity") + ", received "
					+ rs.getLong("received"))
			.list());
	}

	static AuthorisationState effective(AuthorisationState state, LocalDate validUntil, LocalDate today) {
		return state == AuthorisationState.GRANTED && validUntil != null && validUntil.isBefore(today)
				? AuthorisationState.EXPIRED : state;
	}

	private AuthorisationView view(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String transit = rs.getString("transit_countries");
		List<LineView> lines = jdbc.sql("SELECT * FROM authorisation_line WHERE authorisation_id = ? ORDER BY line_no")
			.param(id)
			.query((r, n) -> new LineView(r.getInt("line_no"), LineKind.valueOf(r.getString("item_kind")),
					r.getObject("firearm_id", UUID.class), null, r.getString("part_kind"), r.getString("calibre"),
					r.getString("description"), r.getLong("quantity"), r.getLong("shipped"), r.getLong("received")))
			.stream()
			.map(l -> l.firearmId() == null ? l
					: new LineView(l.lineNo(), l.kind(), l.firearmId(),
							registry.recordNumber(l.firearmId()).orElse(null), l.partKind(), l.calibre(),
							l.description(), l.quantity(), l.shipped(), l.received()))
			.toList();
		List<TransitNoticeView> notices = jdbc
			.sql("SELECT * FROM transit_notice WHERE authorisation_id = ? ORDER BY country")
			.param(id)
			.query((r, n) -> new TransitNoticeView(r.getString("country"), r.getString("notice_reference"),
					r.getObject("noticed_on", LocalDate.class)))
			.list();
		EndUserCertificateView certificate = jdbc.sql("SELECT * FROM end_user_certificate WHERE authorisation_id = ?")
			.param(id)
			.query((r, n) -> new EndUserCertificateView(r.getString("certificate_reference"), r.getString("end_user"),
					r.getString("end_use"), r.getString("re_export_clause"), r.getString("signatory"),
					r.getString("verified_with"), r.getObject("verified_on", LocalDate.class),
					r.getString("verified_by")))
			.optional()
			.orElse(null);
		RiskAssessmentView risk = jdbc.sql("SELECT * FROM risk_assessment WHERE authorisation_id = ?")
			.param(id)
			.query((r, n) -> new RiskAssessmentView(criteria(r.getString("overriding")), r.getString("mitigation"),
					r.getObject("assessed_on", LocalDate.class), r.getString("assessed_by")))
			.optional()
			.orElse(null);
		List<ConsignmentView> consignments = jdbc
			.sql("SELECT * FROM consignment WHERE authorisation_id = ? ORDER BY shipped_on, reference")
			.param(id)
			.query((r, n) -> consignment(r))
			.list();
		LocalDate validUntil = rs.getObject("valid_until", LocalDate.class);
		return new AuthorisationView(id, TransferKind.valueOf(rs.getString("kind")),
				effective(AuthorisationState.valueOf(rs.getString("state")), validUntil, LocalDate.now()),
				rs.getObject("applicant_id", UUID.class), rs.getString("number"), rs.getString("issuing_authority"),
				rs.getString("place_of_issue"), rs.getString("export_country"), rs.getString("import_country"),
				transit == null ? List.of() : Arrays.asList(transit.split(",")), rs.getString("final_recipient"),
				rs.getString("description"), rs.getString("conditions"), rs.getString("foreign_reference"),
				rs.getObject("foreign_issued_on", LocalDate.class), rs.getString("foreign_verified"),
				rs.getObject("applied_on", LocalDate.class), rs.getObject("issued_on", LocalDate.class), validUntil,
				rs.getString("state_reason"), rs.getObject("state_changed_on", LocalDate.class),
				rs.getString("verification_code"), lines, notices, certificate, risk, consignments);
	}

	private ConsignmentView consignment(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<ConsignmentLineView> lines = jdbc
			.sql("SELECT * FROM consignment_line WHERE consignment_id = ? ORDER BY line_no")
			.param(id)
			.query((r, n) -> new ConsignmentLineView(r.getInt("line_no"), r.getLong("quantity"),
					(Long) r.getObject("received", Long.class)))
			.list();
		return new ConsignmentView(id, rs.getObject("authorisation_id", UUID.class), rs.getString("reference"),
				rs.getObject("shipped_on", LocalDate.class), rs.getObject("receipt_due", LocalDate.class),
				rs.getString("state"), rs.getObject("received_on", LocalDate.class), rs.getString("confirmed_by"),
				lines);
	}

	private static List<RiskCriterion> criteria(String text) {
		return text == null || text.isBlank() ? List.of()
				: Arrays.stream(text.split(",")).map(RiskCriterion::valueOf).toList();
	}

}
