package org.armstrace.ledger;

import java.time.Instant;
import java.util.List;

/**
 * What a projection check found: the tables the modules read from, compared row by row
 * with the same tables rebuilt from the ledger. A rebuild reports the same way what it
 * changed.
 *
 * @param checkedAt when the check ran
 * @param ok whether every table says what the ledger says
 * @param projections the projections compared
 * @param rowsCompared rows read from the live tables
 * @param driftCount how many rows differ (each counted once)
 * @param drifts the first differing rows, named (at most {@link #SHOWN})
 * @param failure why the check could not run, when it could not; otherwise null
 * @param millis how long it took
 */
public record ProjectionReport(Instant checkedAt, boolean ok, List<String> projections, long rowsCompared,
		long driftCount, List<Drift> drifts, String failure, long millis) {

	/** Differing rows named in a report; the rest are counted. */
	public static final int SHOWN = 100;

	/**
	 * One row that differs.
	 *
	 * @param table the table
	 * @param key the row's primary key, as {@code column=value}
	 * @param kind {@code CHANGED} (both have the row, with other values), {@code EXTRA}
	 * (the table has a row the ledger does not account for) or {@code MISSING} (the
	 * ledger says a row the table lacks)
	 * @param columns for a changed row, the columns that differ:
	 * {@code column: table 'x', ledger 'y'}
	 */
	public record Drift(String projection, String table, String key, String kind, List<String> columns) {

		public String summary() {
			return projection + "/" + table + " " + key + " " + kind
					+ (columns.isEmpty() ? "" : ": " + String.join("; ", columns));
		}

	}

	public String summary() {
		if (failure != null) {
			return "PROJECTIONS NOT CHECKED: " + failure;
		}
		if (ok) {
			return "PROJECTIONS OK " + String.join(",", projections) + " rows=" + rowsCompared + " (" + millis + " ms)";
		}
		return "PROJECTIONS DRIFT " + driftCount + " row(s) differ from the ledger"
				+ (driftCount > drifts.size() ? " (first " + drifts.size() + " shown)" : "");
	}

}
