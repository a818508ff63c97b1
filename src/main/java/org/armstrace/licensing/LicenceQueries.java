package org.armstrace.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.registry.RegistryQueries;
import org.armstrace.registry.RegistryQueries.FirearmSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Licences as officers read them, and the lists their states produce. */
@Service
public class LicenceQueries {

	/** A licence as the tables hold it. */
	public record LicenceView(UUID id, String number, UUID holderId, LicenceKind kind, LicenceState state,
			String issuingAuthority, List<Coverage> coverage, String conditions, boolean storageInspected,
			LocalDate appliedOn, LocalDate issuedOn, LocalDate validUntil, String stateReason, String orderReference,
			LocalDate stateChangedOn, String verificationCode) {

		/** Granted and within its validity on {@code day}. */
		public boolean validOn(LocalDate day) {
			return state == LicenceState.GRANTED && issuedOn != null && !day.isBefore(issuedOn)
					&& !day.isAfter(validUntil);
		}

	}

	/**
	 * A suspended or revoked licence with the firearms its holder still holds: each to be
	 * transferred, surrendered or seized.
	 */
	public record Recovery(LicenceView licence, List<FirearmSummary> firearms) {
	}

	/** The most firearms one recovery list shows per licence. */
	static final int RECOVERY_LIMIT = 1_000;

	private final JdbcClient jdbc;

	private final RegistryQueries registry;

	LicenceQueries(JdbcClient jdbc, RegistryQueries registry) {
		this.jdbc = jdbc;
		this.registry = registry;
	}

	@Transactional(readOnly = true)
	public Optional<LicenceView> licence(UUID id) {
		return licences("WHERE id = ?", id).stream().findFirst();
	}

	@Transactional(readOnly = true)
	public Optional<LicenceView> byNumber(String number) {
		return licences("WHERE number = ?", number).stream().findFirst();
	}

	/** The licence a document's verification code names. */
	@Transactional(readOnly = true)
	public Optional<LicenceView> byVerificationCode(String code) {
		return licences("WHERE verification_code = ?", code).stream().findFirst();
	}

	@Transactional(readOnly = true)
	public List<LicenceView> ofHolder(UUID holderId) {
		return licences("WHERE holder_id = ?", holderId);
	}

	/**
	 * Licences suspended or revoked whose holder still holds firearms and has no other
	 * valid licence, with those firearms.
	 */
	@Transactional(readOnly = true)
	public List<Recovery> recoveryList(LocalDate today) {
		return licences("WHERE state IN ('SUSPENDED', 'REVOKED')", new Object[0]).stream()
			.filter(l -> ofHolder(l.holderId()).stream().noneMatch(other -> other.validOn(today)))
			.map(l -> new Recovery(l, registry.firearmsHeldBy(l.holderId(), RECOVERY_LIMIT)))
			.filter(r -> !r.firearms().isEmpty())
			.toList();
	}

	/** Granted licences whose validity ends within {@code days} days: to be renewed. */
	@Transactional(readOnly = true)
	public List<LicenceView> renewalList(LocalDate today, int days) {
		return licences("WHERE state = 'GRANTED' AND valid_until >= ? AND valid_until <= ?", today,
				today.plusDays(days));
	}

	/** Licences past their validity that are still granted or suspended. */
	List<UUID> pastValidity(LocalDate today) {
		return jdbc.sql("SELECT id FROM licence WHERE state IN ('GRANTED', 'SUSPENDED') AND valid_until < ?")
			.param(today)
			.query(UUID.class)
			.list();
	}

	boolean numberTaken(String number) {
		return jdbc.sql("SELECT COUNT(*) FROM licence WHERE number = ?").param(number).query(Long.class).single() > 0;
	}

	private List<LicenceView> licences(String where, Object... params) {
		return jdbc.sql("SELECT * FROM licence " + where + " ORDER BY applied_on, id")
			.params(List.of(params))
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new LicenceView(id, rs.getString("number"), rs.getObject("holder_id", UUID.class),
						LicenceKind.valueOf(rs.getString("kind")), LicenceState.valueOf(rs.getString("state")),
						rs.getString("issuing_authority"), coverage(id), rs.getString("conditions"),
						rs.getBoolean("storage_inspected"), rs.getObject("applied_on", LocalDate.class),
						rs.getObject("issued_on", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
						rs.getString("state_reason"), rs.getString("order_reference"),
						rs.getObject("state_changed_on", LocalDate.class), rs.getString("verification_code"));
			})
			.list();
	}

	private List<Coverage> coverage(UUID licenceId) {
		return jdbc.sql("SELECT category, quantity FROM licence_coverage WHERE licence_id = ? ORDER BY category")
			.param(licenceId)
			.query((rs, n) -> new Coverage(rs.getString("category"), (Integer) rs.getObject("quantity")))
			.list();
	}

}
