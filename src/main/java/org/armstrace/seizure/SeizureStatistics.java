package org.armstrace.seizure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of seizures and what was seized, for dashboards and the map of flows: by month,
 * region, agency and country of seizure, in the groups of every {@link Dimension}, within
 * a period and optionally one region and one agency. The analytics module keeps these
 * counts month by month and asks again only for what it has not kept.
 */
@Service
public class SeizureStatistics {

	/**
	 * Seizures made from {@code from} to {@code to} (both inclusive), in a region, by an
	 * agency (either null: any).
	 */
	public record Filter(LocalDate from, LocalDate to, String region, String agency) {

		/** The same region and agency over another period. */
		public Filter during(LocalDate start, LocalDate end) {
			return new Filter(start, end, region, agency);
		}

	}

	/** What counts are split by. */
	public enum Dimension {

		/** Firearms by type as observed; parts and ammunition by their kind. */
		FIREARM_TYPE("COALESCE(i.firearm_type, i.kind)"), CRIMINAL_CONTEXT("s.criminal_context"),
		PLACE_KIND("s.place_kind"), REGION("COALESCE(s.region, '')"), NON_INDUSTRIAL_KIND("i.non_industrial_kind"),
		/** Firearms by the country of manufacture observed on them. */
		MANUFACTURE("CASE WHEN i.kind = 'FIREARM' THEN i.country_of_manufacture END"),
		/** Firearms by the country of last legal import observed on them. */
		LAST_IMPORT("CASE WHEN i.kind = 'FIREARM' THEN i.country_of_last_import END"),
		/**
		 * Firearms that can be traced ({@code TRACEABLE}) and those an ISACS 05.31
		 * exception keeps out of tracing ({@code EXCEPTION}).
		 */
		TRACEABILITY("CASE WHEN i.kind = 'FIREARM' THEN CASE WHEN i.trace_exception IS NULL "
				+ "THEN 'TRACEABLE' ELSE 'EXCEPTION' END END"),
		/** No split: the totals, seizures without items included. */
		NONE(null);

		final String column;

		Dimension(String column) {
			this.column = column;
		}

	}

	/**
	 * The counts of one month, region (empty: none recorded), agency and, for the flows
	 * ({@link Dimension#MANUFACTURE}, {@link Dimension#LAST_IMPORT}), country of seizure
	 * (empty for the other dimensions) in one group of a dimension ({@code ALL} for
	 * {@link Dimension#NONE}): seizures with such items, firearms, parts and ammunition
	 * lots.
	 */
	public record Count(YearMonth month, String region, String agency, String country, Dimension dimension,
			String group, long seizures, long firearms, long parts, long ammunition) {
	}

	/**
	 * A seized firearm without a trace exception that has a trace request, with where and
	 * when it was seized.
	 */
	public record FirearmTrace(YearMonth month, String region, String agency, UUID traceRequestId) {
	}

	private final JdbcClient jdbc;

	SeizureStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every count of the filter, in every dimension; items without a group in a dimension
	 * are left out of it.
	 */
	@Transactional(readOnly = true)
	public List<Count> counts(Filter f) {
		List<Count> counts = new ArrayList<>();
		for (Dimension by : Dimension.values()) {
			// the country of seizure matters to the flows only: elsewhere one row per
			// group
			String country = by == Dimension.MANUFACTURE || by == Dimension.LAST_IMPORT ? "s.country" : "''";
			List<Object> params = new ArrayList<>();
			String where = where(f, params) + (by.column == null ? "" : " AND " + by.column + " IS NOT NULL");
			String group = by.column == null ? "'ALL'" : by.column;
			// seizures without items count in the totals' seizures (a left join)
			counts.addAll(jdbc
				.sql("SELECT EXTRACT(YEAR FROM s.seized_on), EXTRACT(MONTH FROM s.seized_on), COALESCE(s.region, ''), "
						+ "s.agency, " + country + ", " + group + ", COUNT(DISTINCT s.id), "
						+ "SUM(CASE WHEN i.kind = 'FIREARM' THEN 1 ELSE 0 END), "
						+ "SUM(CASE WHEN i.kind = 'PART' THEN 1 ELSE 0 END), "
						+ "SUM(CASE WHEN i.kind = 'AMMUNITION' THEN 1 ELSE 0 END) FROM seizure s "
						+ (by.column == null ? "LEFT " : "") + "JOIN seized_item i ON s.id = i.seizure_id" + where
						+ " GROUP BY EXTRACT(YEAR FROM s.seized_on), EXTRACT(MONTH FROM s.seized_on), "
						+ "COALESCE(s.region, ''), s.agency" + (country.equals("''") ? "" : ", " + country)
						+ (by.column == null ? "" : ", " + by.column))
				.params(params)
				.query((rs, n) -> new Count(YearMonth.of(rs.getInt(1), rs.getInt(2)), rs.getString(3), rs.getString(4),
						rs.getString(5), by, rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
						rs.getLong(10)))
				.list());
		}
		return counts;
	}

	/**
	 * The seized firearms of the filter without a trace exception that have a trace
	 * request: whether their illicit origin was established is the trace's answer.
	 */
	@Transactional(readOnly = true)
	public List<FirearmTrace> firearmTraces(Filter f) {
		List<Object> params = new ArrayList<>();
		String where = where(f, params);
		return jdbc
			.sql("SELECT EXTRACT(YEAR FROM s.seized_on), EXTRACT(MONTH FROM s.seized_on), COALESCE(s.region, ''), "
					+ "s.agency, i.trace_request_id FROM seized_item i JOIN seizure s ON s.id = i.seizure_id" + where
					+ " AND i.kind = 'FIREARM' AND i.trace_exception IS NULL AND i.trace_request_id IS NOT NULL")
			.params(params)
			.query((rs, n) -> new FirearmTrace(YearMonth.of(rs.getInt(1), rs.getInt(2)), rs.getString(3),
					rs.getString(4), rs.getObject(5, UUID.class)))
			.list();
	}

	/** The months in which seizures were made, the earliest first. */
	@Transactional(readOnly = true)
	public List<YearMonth> months() {
		return jdbc
			.sql("SELECT DISTINCT EXTRACT(YEAR FROM seized_on) AS y, EXTRACT(MONTH FROM seized_on) AS m FROM seizure "
					+ "ORDER BY y, m")
			.query((rs, n) -> YearMonth.of(rs.getInt(1), rs.getInt(2)))
			.list();
	}

	/**
	 * The months of seizure of these seizures, of the seizures of these items and of the
	 * items traced by these trace requests: where a change to them changes the counts.
	 */
	@Transactional(readOnly = true)
	public List<YearMonth> monthsOf(List<UUID> seizureIds, List<UUID> itemIds, List<UUID> traceRequestIds) {
		List<YearMonth> months = new ArrayList<>();
		String select = "SELECT DISTINCT EXTRACT(YEAR FROM s.seized_on), EXTRACT(MONTH FROM s.seized_on) FROM seizure s ";
		String[][] ways = { { "", "s.id" }, { "JOIN seized_item i ON i.seizure_id = s.id ", "i.id" },
				{ "JOIN seized_item i ON i.seizure_id = s.id ", "i.trace_request_id" } };
		List<List<UUID>> ids = List.of(seizureIds, itemIds, traceRequestIds);
		for (int w = 0; w < ways.length; w++) {
			List<UUID> some = ids.get(w);
			for (int from = 0; from < some.size(); from += 500) {
				months.addAll(jdbc.sql(select + ways[w][0] + "WHERE " + ways[w][1] + " IN (:ids)")
					.param("ids", some.subList(from, Math.min(some.size(), from + 500)))
					.query((rs, n) -> YearMonth.of(rs.getInt(1), rs.getInt(2)))
					.list());
			}
		}
		return months;
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
