package org.armstrace.seizure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of seizures and what was seized, for dashboards: by month and by one dimension,
 * within a period and optionally one region and one agency.
 */
@Service
public class SeizureStatistics {

	/**
	 * Seizures made from {@code from} to {@code to} (both inclusive), in a region, by an
	 * agency (either null: any).
	 */
	public record Filter(LocalDate from, LocalDate to, String region, String agency) {
	}

	/** What the counts of a month are split by. */
	public enum Dimension {

		/** Firearms by type as observed; parts and ammunition by their kind. */
		FIREARM_TYPE("COALESCE(i.firearm_type, i.kind)"), CRIMINAL_CONTEXT("s.criminal_context"),
		PLACE_KIND("s.place_kind"), REGION("COALESCE(s.region, '')"), NON_INDUSTRIAL_KIND("i.non_industrial_kind"),
		/** No split: the month's totals. */
		NONE(null);

		final String column;

		Dimension(String column) {
			this.column = column;
		}

	}

	/**
	 * A month's counts in one group: seizures with such items, firearms, parts and
	 * ammunition lots.
	 */
	public record MonthCount(int year, int month, String group, long seizures, long firearms, long parts,
			long ammunition) {
	}

	public record Totals(long seizures, long firearms, long parts, long ammunition) {
	}

	/** A seized firearm's trace: its request, or the ISACS exception that replaced it. */
	public record FirearmTrace(UUID itemId, UUID traceRequestId, boolean exception) {
	}

	private final JdbcClient jdbc;

	SeizureStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Totals totals(Filter f) {
		List<Object> params = new ArrayList<>();
		String where = where(f, params);
		long seizures = jdbc.sql("SELECT COUNT(*) FROM seizure s" + where).params(params).query(Long.class).single();
		return jdbc
			.sql("SELECT SUM(CASE WHEN i.kind = 'FIREARM' THEN 1 ELSE 0 END), "
					+ "SUM(CASE WHEN i.kind = 'PART' THEN 1 ELSE 0 END), "
					+ "SUM(CASE WHEN i.kind = 'AMMUNITION' THEN 1 ELSE 0 END) FROM seized_item i "
					+ "JOIN seizure s ON s.id = i.seizure_id" + where)
			.params(params)
			.query((rs, n) -> new Totals(seizures, rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

	/**
	 * Counts by month and group, the earliest month first; items without a group are left
	 * out.
	 */
	@Transactional(readOnly = true)
	public List<MonthCount> byMonth(Filter f, Dimension by) {
		List<Object> params = new ArrayList<>();
		String where = where(f, params) + (by.column == null ? "" : " AND " + by.column + " IS NOT NULL");
		// seizures without items count in the month's seizures (a left join)
		String group = by.column == null ? "" : ", " + by.column;
		return jdbc
			.sql("SELECT EXTRACT(YEAR FROM s.seized_on) AS y, EXTRACT(MONTH FROM s.seized_on) AS m, "
					+ (by.column == null ? "'ALL'" : by.column) + " AS g, COUNT(DISTINCT s.id), "
					+ "SUM(CASE WHEN i.kind = 'FIREARM' THEN 1 ELSE 0 END), "
					+ "SUM(CASE WHEN i.kind = 'PART' THEN 1 ELSE 0 END), "
					+ "SUM(CASE WHEN i.kind = 'AMMUNITION' THEN 1 ELSE 0 END) FROM seizure s "
					+ "LEFT JOIN seized_item i ON s.id = i.seizure_id" + where
					+ " GROUP BY EXTRACT(YEAR FROM s.seized_on), EXTRACT(MONTH FROM s.seized_on)" + group
					+ " ORDER BY y, m" + (by.column == null ? "" : ", g"))
			.params(params)
			.query((rs, n) -> new MonthCount(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7)))
			.list();
	}

	/** Every seized firearm of the filter with its trace request or its exception. */
	@Transactional(readOnly = true)
	public List<FirearmTrace> firearmTraces(Filter f) {
		List<Object> params = new ArrayList<>();
		String where = where(f, params);
		return jdbc
			.sql("SELECT i.id, i.trace_request_id, i.trace_exception FROM seized_item i "
					+ "JOIN seizure s ON s.id = i.seizure_id" + where + " AND i.kind = 'FIREARM'")
			.params(params)
			.query((rs, n) -> new FirearmTrace(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3) != null))
			.list();
	}

	/**
	 * Firearms seized from a country to the country of seizure: from the country of
	 * manufacture, or of last legal import, as observed on them.
	 */
	public record Flow(String kind, String from, String to, long firearms) {
	}

	/**
	 * Seized firearms of the filter by country of manufacture (kind {@code MANUFACTURE})
	 * and by country of last legal import ({@code LAST_IMPORT}) to the country of
	 * seizure, the largest first.
	 */
	@Transactional(readOnly = true)
	public List<Flow> flows(Filter f) {
		List<Flow> flows = new ArrayList<>();
		for (String[] kind : new String[][] { { "MANUFACTURE", "i.country_of_manufacture" },
				{ "LAST_IMPORT", "i.country_of_last_import" } }) {
			List<Object> params = new ArrayList<>();
			String where = where(f, params);
			flows.addAll(jdbc
				.sql("SELECT " + kind[1]
						+ ", s.country, COUNT(*) FROM seized_item i JOIN seizure s ON s.id = i.seizure_id" + where
						+ " AND i.kind = 'FIREARM' AND " + kind[1] + " IS NOT NULL GROUP BY " + kind[1] + ", s.country")
				.params(params)
				.query((rs, n) -> new Flow(kind[0], rs.getString(1), rs.getString(2), rs.getLong(3)))
				.list());
		}
		flows.sort((a, b) -> a.firearms() != b.firearms() ? Long.compare(b.firearms(), a.firearms())
				: (a.kind() + a.from() + a.to()).compareTo(b.kind() + b.from() + b.to()));
		return flows;
	}

	private static String where(Filter f, List<Object> params) {
		StringBuilder where = new StringBuilder(" WHERE s.seized_on BETWEEN ? AND ?");
		params.add(f.from());
		params.add(f.to());
		if (f.region() != null && !f.region().isBlank()) {
			where.append(" AND s.region = ?");
			params.add(f.region().trim());
		}
		if (f.agency() != null && !f.agency().isBlank()) {
			where.append(" AND s.agency = ?");
			params.add(f.agency().trim());
		}
		return where.toString();
	}

}
