package org.armstrace.seizure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
		FIREARM_TYPE,
		/** Items by the seizure's criminal context. */
		CRIMINAL_CONTEXT,
		/** Items by the kind of place of the seizure. */
		PLACE_KIND,
		/** Items by the seizure's region (empty: none recorded). */
		REGION,
		/** Firearms and parts by the kind of the non-industrial design they are. */
		NON_INDUSTRIAL_KIND,
		/** Firearms by the country of manufacture observed on them. */
		MANUFACTURE,
		/** Firearms by the country of last legal import observed on them. */
		LAST_IMPORT,
		/**
		 * Firearms that can be traced ({@code TRACEABLE}) and those an ISACS 05.31
		 * exception keeps out of tracing ({@code EXCEPTION}).
		 */
		TRACEABILITY,
		/** No split: the totals, seizures without items included. */
		NONE;

		/** The item's group in this dimension; null: the item is not counted in it. */
		String group(Row r) {
			if (this == NONE) {
				return "ALL";
			}
			if (r.kind() == null) {
				return null;
			}
			boolean firearm = r.kind().equals("FIREARM");
			return switch (this) {
				case FIREARM_TYPE -> r.firearmType() != null ? r.firearmType() : r.kind();
				case CRIMINAL_CONTEXT -> r.criminalContext();
				case PLACE_KIND -> r.placeKind();
				case REGION -> r.region();
				case NON_INDUSTRIAL_KIND -> r.nonIndustrialKind();
				case MANUFACTURE -> firearm ? r.countryOfManufacture() : null;
				case LAST_IMPORT -> firearm ? r.countryOfLastImport() : null;
				case TRACEABILITY -> firearm ? (r.traceException() ? "EXCEPTION" : "TRACEABLE") : null;
				case NONE -> "ALL";
			};
		}

		/**
		 * The country of seizure matters to the flows only: elsewhere one row per group.
		 */
		String country(Row r) {
			return this == MANUFACTURE || this == LAST_IMPORT ? r.country() : "";
		}

	}

	/** A seizure with one of its items (kind null: a seizure without items). */
	record Row(UUID seizureId, YearMonth month, String region, String agency, String country, String placeKind,
			String criminalContext, String kind, String firearmType, String nonIndustrialKind,
			String countryOfManufacture, String countryOfLastImport, boolean traceException) {
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
	 * are left out of it. One pass over the seizures and their items, in the order of the
	 * seizures, so that each key counts a seizure once.
	 */
	@Transactional(readOnly = true)
	public List<Count> counts(Filter f) {
		List<Object> params = new ArrayList<>();
		String where = where(f, params);
		record Key(YearMonth month, String region, String agency, String country, Dimension dimension, String group) {
		}
		class Sums {

			long seizures;

			long firearms;

			long parts;

			long ammunition;

			UUID last;

		}
		Map<Key, Sums> sums = new HashMap<>();
		jdbc.sql(
				"SELECT s.id, EXTRACT(YEAR FROM s.seized_on), EXTRACT(MONTH FROM s.seized_on), COALESCE(s.region, ''), "
						+ "s.agency, s.country, s.place_kind, s.criminal_context, i.kind, i.firearm_type, "
						+ "i.non_industrial_kind, i.country_of_manufacture, i.country_of_last_import, i.trace_exception "
						+ "FROM seizure s LEFT JOIN seized_item i ON s.id = i.seizure_id" + where + " ORDER BY s.id")
			.params(params)
			.query(rs -> {
				Row r = new Row(rs.getObject(1, UUID.class), YearMonth.of(rs.getInt(2), rs.getInt(3)), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
						rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
						rs.getString(14) != null);
				for (Dimension d : Dimension.values()) {
					String group = d.group(r);
					if (group == null) {
						continue;
					}
					Sums sum = sums.computeIfAbsent(new Key(r.month(), r.region(), r.agency(), d.country(r), d, group),
							k -> new Sums());
					if (!r.seizureId().equals(sum.last)) {
						sum.seizures++;
						sum.last = r.seizureId();
					}
					if (r.kind() != null) {
						switch (r.kind()) {
							case "FIREARM" -> sum.firearms++;
							case "PART" -> sum.parts++;
							default -> sum.ammunition++;
						}
					}
				}
			});
		List<Count> counts = new ArrayList<>();
		sums.forEach((k, v) -> counts.add(new Count(k.month(), k.region(), k.agency(), k.country(), k.dimension(),
				k.group(), v.seizures, v.firearms, v.parts, v.ammunition)));
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
			if (ids.get(w).isEmpty()) {
				continue; // most writes touch one of the three
			}
			months.addAll(jdbc.sql(select + ways[w][0] + "WHERE " + ways[w][1] + " = ANY(?)")
				.param(ids.get(w).toArray(UUID[]::new))
				.query((rs, n) -> YearMonth.of(rs.getInt(1), rs.getInt(2)))
				.list());
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
