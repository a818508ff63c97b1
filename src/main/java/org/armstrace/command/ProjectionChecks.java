package org.armstrace.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEvent;
import org.armstrace.ledger.ProjectionAudit;
import org.armstrace.ledger.ProjectionReport;
import org.armstrace.ledger.ProjectionReport.Drift;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Proves the projections: every module's tables are rebuilt from the ledger and compared
 * row by row with what readers see. A check rolls the rebuild back; a rebuild keeps it
 * and says what it changed. Both run under the ledger's append lock.
 */
@Service
public class ProjectionChecks implements ProjectionAudit {

	private static final Logger log = LoggerFactory.getLogger(ProjectionChecks.class);

	private final List<Projection<?>> projections;

	private final Ledger ledger;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final AtomicReference<ProjectionReport> last = new AtomicReference<>();

	private final ApplicationEventPublisher publisher;

	ProjectionChecks(List<Projection<?>> projections, Ledger ledger, JdbcTemplate jdbc,
			TransactionTemplate transactions, JsonMapper json, ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.projections = projections.stream().filter(p -> !p.tables().isEmpty()).toList();
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
	}

	@Override
	public ProjectionReport check() {
		ProjectionReport report = run(false, null);
		last.set(report);
		if (!report.ok()) {
			log.error("Projection check: {}", report.summary());
		}
		return report;
	}

	@Override
	public Optional<ProjectionReport> lastReport() {
		return Optional.ofNullable(last.get());
	}

	/**
	 * Empties every projection and refills it from the ledger's entries before
	 * {@code beforeSeq} (all of them when null), and reports the rows that changed.
	 */
	public ProjectionReport rebuild(Long beforeSeq) {
		// the check names the changes with the values the tables held; the rebuild then
		// makes them
		ProjectionReport changes = run(false, beforeSeq);
		ProjectionReport rebuilt = run(true, beforeSeq);
		return rebuilt.failure() != null ? rebuilt : changes;
	}

	/**
	 * The scheduled check, at the hour an operator sets (off-hours: it holds writers).
	 */
	@Scheduled(cron = "${armstrace.projections.check-cron:0 30 3 * * *}")
	void scheduled() {
		check();
	}

	private ProjectionReport run(boolean keep, Long beforeSeq) {
		long started = System.nanoTime();
		Comparison comparison = new Comparison();
		try {
			transactions.executeWithoutResult(status -> {
				ledger.lockForAppend();
				for (Projection<?> projection : projections) {
					compare(projection, beforeSeq, comparison);
				}
				if (!keep) {
					status.setRollbackOnly();
				}
				else {
					publisher.publishEvent(new ProjectionsRebuilt(beforeSeq));
				}
			});
		}
		catch (DataAccessException e) {
			return new ProjectionReport(Instant.now(), false, names(), comparison.rows, 0, List.of(),
					"the tables could not be rebuilt from the ledger: " + e.getMostSpecificCause().getMessage(),
					millisSince(started));
		}
		catch (RuntimeException unreadable) {
			// an entry that is not what its type says: verify names it
			return new ProjectionReport(Instant.now(), false, names(), comparison.rows, 0, List.of(),
					"the tables could not be rebuilt from the ledger (run verify): " + unreadable,
					millisSince(started));
		}
		comparison.nameLiveValues(jdbc);
		return new ProjectionReport(Instant.now(), comparison.count == 0, names(), comparison.rows, comparison.count,
				comparison.named(), null, millisSince(started));
	}

	private <E extends LedgerEvent> void compare(Projection<E> projection, Long beforeSeq, Comparison comparison) {
		Map<String, Map<String, TableRows.Digest>> live = new HashMap<>();
		for (String table : projection.tables()) {
			Map<String, TableRows.Digest> rows = new TableRows(jdbc, table).digests();
			comparison.rows += rows.size();
			live.put(table, rows);
		}
		projection.reset();
		long[] lastSeq = { -1 };
		ledger.replay(projection.eventTypes(), json, (event, entry) -> {
			projection.apply(event, entry);
			lastSeq[0] = entry.seq();
		}, beforeSeq == null ? Long.MAX_VALUE : beforeSeq);
		if (lastSeq[0] >= 0) {
			projection.caughtUpTo(lastSeq[0]);
		}
		for (String table : projection.tables()) {
			Map<String, TableRows.Digest> before = live.get(table);
			new TableRows(jdbc, table).each((key, values) -> {
				TableRows.Digest was = before.remove(key);
				if (was == null) {
					comparison.add(projection.name(), table, key, "MISSING", values);
				}
				else if (!was.equals(TableRows.Digest.of(values))) {
					comparison.add(projection.name(), table, key, "CHANGED", values);
				}
			});
			before.keySet().forEach(key -> comparison.add(projection.name(), table, key, "EXTRA", null));
		}
	}

	private List<String> names() {
		return projections.stream().map(Projection::name).toList();
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	/** The rows found to differ, the first {@link ProjectionReport#SHOWN} with values. */
	private static final class Comparison {

		long rows;

		long count;

		final List<Found> found = new ArrayList<>();

		record Found(String projection, String table, String key, String kind, Map<String, String> ledgerValues) {
		}

		void add(String projection, String table, String key, String kind, Map<String, String> ledgerValues) {
			count++;
			if (found.size() < ProjectionReport.SHOWN) {
				found.add(new Found(projection, table, key, kind, ledgerValues));
			}
		}

		Map<Found, Map<String, String>> liveValues = new HashMap<>();

		/**
		 * Reads the live values of the changed rows, once the check's rebuild is gone.
		 */
		void nameLiveValues(JdbcTemplate jdbc) {
			Map<String, Set<String>> keysByTable = new HashMap<>();
			found.stream()
				.filter(f -> f.kind().equals("CHANGED"))
				.forEach(f -> keysByTable.computeIfAbsent(f.table(), t -> new HashSet<>()).add(f.key()));
			keysByTable.forEach((table, keys) -> {
				Map<String, Map<String, String>> rows = new TableRows(jdbc, table).rows(keys);
				found.stream()
					.filter(f -> f.table().equals(table) && rows.containsKey(f.key()))
					.forEach(f -> liveValues.put(f, rows.get(f.key())));
			});
		}

		List<Drift> named() {
			return found.stream()
				.map(f -> new Drift(f.projection(), f.table(), f.key(), f.kind(), columns(f)))
				.toList();
		}

		private List<String> columns(Found f) {
			Map<String, String> table = liveValues.get(f);
			if (table == null || f.ledgerValues() == null) {
				return List.of();
			}
			List<String> differing = new ArrayList<>();
			f.ledgerValues().forEach((column, ledgerValue) -> {
				if (!Objects.equals(ledgerValue, table.get(column))) {
					differing.add(column + ": table '" + table.get(column) + "', ledger '" + ledgerValue + "'");
				}
			});
			return differing;
		}

	}

}
