package org.armstrace.seizure;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandResult;
import org.armstrace.command.CommonRule;
import org.armstrace.command.Limits;
import org.armstrace.command.Refusal;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Actors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulk export of items in custody (CSV: it names each item's custodian, a person), by
 * two people: one asks for it with a purpose, another with a role that may read custody
 * approves it, and then the one who asked downloads it, once. Each step is in the access
 * log: the request, the approval and the export.
 */
@Service
public class CustodyExports {

	static final String KIND = "custody-items-csv";

	/**
	 * An export asked for; {@code requestedBy} and {@code approvedBy} are ledger actors.
	 */
	public record Request(UUID id, String location, CustodyStatus status, String purpose, String requestedBy,
			OffsetDateTime requestedAt, String approvedBy, OffsetDateTime approvedAt, OffsetDateTime downloadedAt) {
	}

	private final JdbcClient jdbc;

	private final AccessLog accessLog;

	private final Actors actors;

	private final SeizureQueries queries;

	CustodyExports(JdbcClient jdbc, AccessLog accessLog, Actors actors, SeizureQueries queries) {
		this.jdbc = jdbc;
		this.accessLog = accessLog;
		this.actors = actors;
		this.queries = queries;
	}

	/** Asks for an export of the items in custody at a location and in a status. */
	@Transactional
	public CommandResult request(String location, CustodyStatus status, String purpose, Principal who) {
		Checks checks = new Checks().require("purpose", purpose)
			.maxLength("purpose", purpose, Limits.TEXT)
			.maxLength("location", location, Limits.NAME);
		if (checks.failed()) {
			return new CommandResult.Rejected(checks.refusals());
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO export_request (id, kind, parameters, purpose, requested_by, requested_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, KIND, parameters(location, status), purpose.trim(), actors.of(who), now())
			.update();
		accessLog.record(who, AccessLog.Action.EXPORT_REQUESTED, "items in custody (CSV) " + id,
				parameters(location, status), purpose.trim(), null);
		return new CommandResult.Accepted(id, List.of(), false);
	}

	/** Approves another person's request. */
	@Transactional
	public CommandResult approve(UUID id, Principal who) {
		Optional<Request> found = find(id);
		if (found.isEmpty()) {
			return CommandResult.Rejected.of("exportId", SeizureRule.ProposalMustExist, id);
		}
		Checks checks = new Checks()
			.rule(found.get().approvedBy() == null, "exportId", SeizureRule.ProposalIsAwaitingApproval, id)
			.rule(!found.get().requestedBy().equals(actors.of(who)), "exportId", CommonRule.ApproverIsNotTheProposer);
		if (checks.failed()) {
			return new CommandResult.Rejected(checks.refusals());
		}
		jdbc.sql("UPDATE export_request SET approved_by = ?, approved_at = ? WHERE id = ? AND approved_by IS NULL")
			.params(actors.of(who), now(), id)
			.update();
		accessLog.record(who, AccessLog.Action.EXPORT_APPROVED, "items in custody (CSV) " + id,
				parameters(found.get().location(), found.get().status()), found.get().purpose(), null);
		return new CommandResult.Accepted(id, List.of(), false);
	}

	/**
	 * The approved export's file, for the one who asked, once; empty otherwise
	 * ({@link #notDownloadable(UUID)} says why).
	 */
	@Transactional
	public Optional<String> download(UUID id, Principal who) {
		Optional<Request> found = find(id);
		boolean mayDownload = found.isPresent() && found.get().approvedBy() != null
				&& found.get().downloadedAt() == null && found.get().requestedBy().equals(actors.of(who));
		if (!mayDownload
				|| jdbc.sql("UPDATE export_request SET downloaded_at = ? WHERE id = ? AND downloaded_at IS NULL")
					.params(now(), id)
					.update() != 1) {
			return Optional.empty();
		}
		Request r = found.get();
		List<SeizureQueries.ItemView> items = queries.inCustody(r.location(), r.status(), 1_000_000);
		accessLog.record(who, AccessLog.Action.EXPORT, "items in custody (CSV) " + id,
				parameters(r.location(), r.status()), r.purpose(), items.size());
		return Optional.of(CustodyCsv.of(items));
	}

	public static Refusal notDownloadable(UUID id) {
		return Refusal.of("exportId", SeizureRule.ExportIsApprovedForTheRequester, id);
	}

	public Optional<Request> find(UUID id) {
		return jdbc.sql("SELECT * FROM export_request WHERE id = ? AND kind = ?")
			.params(id, KIND)
			.query((rs, n) -> request(rs.getObject("id", UUID.class), rs.getString("parameters"),
					rs.getString("purpose"), rs.getString("requested_by"),
					rs.getObject("requested_at", OffsetDateTime.class), rs.getString("approved_by"),
					rs.getObject("approved_at", OffsetDateTime.class),
					rs.getObject("downloaded_at", OffsetDateTime.class)))
			.optional();
	}

	/** Requests not yet downloaded, newest first. */
	public List<Request> open() {
		return jdbc
			.sql("SELECT id FROM export_request WHERE kind = ? AND downloaded_at IS NULL ORDER BY requested_at DESC")
			.param(KIND)
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> find(id).orElseThrow())
			.toList();
	}

	private static Request request(UUID id, String parameters, String purpose, String by, OffsetDateTime at,
			String approvedBy, OffsetDateTime approvedAt, OffsetDateTime downloadedAt) {
		String[] p = parameters.split("\n", -1);
		return new Request(id, p[0].isEmpty() ? null : p[0], p[1].isEmpty() ? null : CustodyStatus.valueOf(p[1]),
				purpose, by, at, approvedBy, approvedAt, downloadedAt);
	}

	private static String parameters(String location, CustodyStatus status) {
		return (location == null ? "" : location.replace('\n', ' ').trim()) + "\n"
				+ (status == null ? "" : status.name());
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
