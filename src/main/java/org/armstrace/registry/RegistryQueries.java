package org.armstrace.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.armstrace.ledger.EventTypes;
import org.armstrace.ledger.InclusionProof;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.ledger.SignedCheckpoint;
import org.armstrace.reference.Catalogue;
import org.armstrace.reference.Names;
import org.armstrace.command.LikePatterns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What officers read: the current state of an item, and its whole timeline with ledger
 * proofs.
 */
@Service
public class RegistryQueries {

	/**
	 * A holder. Name, address, country and licence reference identify a person or a
	 * business: they are filled only where a purpose was stated (the holder endpoint, a
	 * record read with a purpose) and left out everywhere else, where a holder is its
	 * role and record id ({@link #withoutIdentity()}).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record HolderView(UUID id, HolderRole role, String name, String address, String country,
			String licenceReference) {

		/** The holder by role and record id only. */
		public HolderView withoutIdentity() {
			return new HolderView(id, role, null, null, null, null);
		}

	}

	public record PartView(UUID id, PartKind kind, String make, String serial, String countryOfManufacture,
			UUID fittedTo) {
	}

	/**
	 * {@code make} and {@code calibre} are as entered; {@code catalogueMake} and
	 * {@code catalogueCalibre} are what the reference catalogue says they stand for (null
	 * when it does not know them); {@code asWritten}, the legacy values awaiting an
	 * officer's reading, for which the record holds a stand-in or a likely reading;
	 * {@code nonIndustrialEntry}, the code of the non-industrial design it was identified
	 * as.
	 */
	public record FirearmView(UUID id, String recordNumber, FirearmType type, FirearmKinds kinds, String make,
			String catalogueMake, String model, String calibre, String catalogueCalibre, String serial,
			String countryOfManufacture, Integer year, String legacyReference, FirearmStatus status, HolderView holder,
			boolean suspectedDuplicate, boolean diversionFlag, List<Marking> markings, List<PartView> fittedParts,
			List<TimelineEvent> timeline, List<RegistryEvent.AsWritten> asWritten, String nonIndustrialEntry,
			List<String> ledgerDisagreements) {

		/**
		 * Whether what the record shows is what its ledger facts say: otherwise its
		 * timeline is verified but the record is not.
		 */
		public boolean agreesWithLedger() {
			return ledgerDisagreements.isEmpty();
		}

	}

	/**
	 * Serializable: a page hands it to the next through a flash attribute, which lives in
	 * the officer's session, kept in the database.
	 */
	public record FirearmSummary(UUID id, String recordNumber, FirearmType type, String make, String model,
			String calibre, String serial, String countryOfManufacture, FirearmStatus status) implements Serializable {
	}

	/**
	 * One fact of an item's life, as the ledger holds it, with its inclusion proof in the
	 * latest signed tree ({@code proof} is null while the entry awaits its first signed
	 * head) and whether that proof was checked against the entry's bytes.
	 */
	public record TimelineEvent(long seq, String type, LocalDate occurredOn, Instant recordedAt, String actor,
			JsonNode event, InclusionProof proof, boolean verifiedOnLedger) {
	}

	public record AmmunitionHolding(UUID holderId, long quantity) {
	}

	public record AmmunitionLotView(UUID id, String manufacturer, String calibre, String lotNumber, String headstamp,
			Integer year, List<AmmunitionHolding> holdings) {

		/** The lot with the holdings of these holders only. */
		public AmmunitionLotView heldBy(Set<UUID> holders) {
			return new AmmunitionLotView(id, manufacturer, calibre, lotNumber, headstamp, year,
					holdings.stream().filter(h -> holders.contains(h.holderId())).toList());
		}

	}

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final JsonMapper json;

	private final Catalogue catalogue;

	RegistryQueries(JdbcClient jdbc, Ledger ledger, JsonMapper json, Catalogue catalogue) {
		this.catalogue = catalogue;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.json = json;
	}

	/**
	 * A firearm as anyone who may read it sees it without stating a purpose: its holder
	 * by role and record id.
	 */
	@Transactional(readOnly = true)
	public Optional<FirearmView> firearm(UUID id) {
		return read(id, false);
	}

	/**
	 * A firearm with its holder's name, address and licence: only for a read with a
	 * stated purpose, which the caller writes to the access log.
	 */
	@Transactional(readOnly = true)
	public Optional<FirearmView> firearmWithHolderIdentity(UUID id) {
		return read(id, true);
	}

	private Optional<FirearmView> read(UUID id, boolean holderIdentity) {
		List<LedgerEntry> entries = ledger.entriesAbout(id.toString());
		return jdbc.sql("SELECT * FROM firearm WHERE id = ?").param(id).query((rs, n) -> {
			UUID holderId = rs.getObject("holder_id", UUID.class);
			return new FirearmView(id, rs.getString("record_number"), FirearmType.valueOf(rs.getString("type")),
					new FirearmKinds(rs.getBoolean("craft_made"), rs.getBoolean("printed_3d"),
							rs.getBoolean("converted"), rs.getBoolean("modular")),
					rs.getString("make"), catalogue.canonical(Catalogue.Kind.MAKE, rs.getString("make")).orElse(null),
					rs.getString("model"), rs.getString("calibre"),
					catalogue.canonical(Catalogue.Kind.CALIBRE, rs.getString("calibre")).orElse(null),
					rs.getString("serial"), rs.getString("country_of_manufacture"),
					(Integer) rs.getObject("year_of_manufacture"), rs.getString("legacy_reference"),
					FirearmStatus.valueOf(rs.getString("status")),
					holderId == null ? null
							: holder(holderId).map(h -> holderIdentity ? h : h.withoutIdentity()).orElse(null),
					rs.getBoolean("suspected_duplicate"), rs.getBoolean("diversion_flag"), markings(id),
					fittedParts(id), timeline(entries), asWritten(id), rs.getString("non_industrial_entry"),
					disagreements(rs, entries));
		}).optional();
	}

	private List<RegistryEvent.AsWritten> asWritten(UUID firearmId) {
		return jdbc
			.sql("SELECT field, text, read_as, confidence FROM firearm_as_written WHERE firearm_id = ? ORDER BY field")
			.param(firearmId)
			.query((rs, n) -> new RegistryEvent.AsWritten(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getInt(4)))
			.list();
	}

	/** The columns the record shows that its own ledger facts contradict. */
	private List<String> disagreements(ResultSet rs, List<LedgerEntry> entries) throws SQLException {
		List<RegistryEvent> facts = entries.stream()
			.filter(entry -> RegistryEvent.TYPES.containsKey(entry.type()))
			.map(entry -> (RegistryEvent) EventTypes.read(json, entry, RegistryEvent.TYPES.get(entry.type())))
			.toList();
		Map<String, Object> shown = new HashMap<>();
		shown.put("recordNumber", rs.getString("record_number"));
		shown.put("type", rs.getString("type"));
		shown.put("make", rs.getString("make"));
		shown.put("model", rs.getString("model"));
		shown.put("calibre", rs.getString("calibre"));
		shown.put("serial", rs.getString("serial"));
		shown.put("countryOfManufacture", rs.getString("country_of_manufacture"));
		shown.put("year", rs.getObject("year_of_manufacture"));
		shown.put("status", rs.getString("status"));
		shown.put("holder", rs.getObject("holder_id", UUID.class));
		return FirearmFacts.of(facts).disagreements(shown);
	}

	@Transactional(readOnly = true)
	public Optional<UUID> firearmIdByRecordNumber(String recordNumber) {
		return jdbc.sql("SELECT id FROM firearm WHERE record_number = ?")
			.param(recordNumber)
			.query(UUID.class)
			.optional();
	}

	/** The columns {@link #summary} reads. */
	private static final String SUMMARY = "id, record_number, type, make, model, calibre, serial, "
			+ "country_of_manufacture, status";

	private static FirearmSummary summary(ResultSet rs, int row) throws SQLException {
		return new FirearmSummary(rs.getObject("id", UUID.class), rs.getString("record_number"),
				FirearmType.valueOf(rs.getString("type")), rs.getString("make"), rs.getString("model"),
				rs.getString("calibre"), rs.getString("serial"), rs.getString("country_of_manufacture"),
				FirearmStatus.valueOf(rs.getString("status")));
	}

	/**
	 * The firearms a holder holds and could hand over (active), by record number: a
	 * licence's recovery list.
	 */
	@Transactional(readOnly = true)
	public List<FirearmSummary> firearmsHeldBy(UUID holderId, int limit) {
		return jdbc
			.sql("SELECT " + SUMMARY + " FROM firearm WHERE holder_id = ? AND status = 'ACTIVE' "
					+ "ORDER BY record_number FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
			.param(holderId)
			.query(RegistryQueries::summary)
			.list();
	}

	/**
	 * The firearms on record as the holder's, whatever their state: held, or lost, stolen
	 * or seized while it was their last legal holder; by record number.
	 */
	@Transactional(readOnly = true)
	public List<FirearmSummary> firearmsOnRecordOf(UUID holderId, int limit) {
		return jdbc
			.sql("SELECT " + SUMMARY + " FROM firearm WHERE holder_id = ? ORDER BY record_number FETCH FIRST "
					+ Math.max(1, limit) + " ROWS ONLY")
			.param(holderId)
			.query(RegistryQueries::summary)
			.list();
	}

	/**
	 * How many active firearms of a category a holder holds: what a licence's quantity
	 * bounds.
	 */
	@Transactional(readOnly = true)
	public long heldInCategory(UUID holderId, String category) {
		return jdbc.sql("SELECT COUNT(*) FROM firearm WHERE holder_id = ? AND category = ? AND status = 'ACTIVE'")
			.params(holderId, category)
			.query(Long.class)
			.single();
	}

	/**
	 * A holder with how many active firearms of a category it holds ({@code category}
	 * null and {@code held} 0 for a holder that holds none).
	 */
	public record Holding(UUID holderId, HolderRole role, String category, long held) {
	}

	/** Every holder with its active firearms by category, by holder id: for demo data. */
	@Transactional(readOnly = true)
	public List<Holding> holdings() {
		return jdbc
			.sql("SELECT h.id, h.role, f.category, COUNT(f.id) AS held FROM holder h LEFT JOIN firearm f "
					+ "ON f.holder_id = h.id AND f.status = 'ACTIVE' GROUP BY h.id, h.role, f.category "
					+ "ORDER BY h.id, f.category")
			.query((rs, n) -> new Holding(rs.getObject("id", UUID.class), HolderRole.valueOf(rs.getString("role")),
					rs.getString("category"), rs.getLong("held")))
			.list();
	}

	/** Firearms in a status, by record number: for demo data and work lists. */
	@Transactional(readOnly = true)
	public List<FirearmSummary> firearmsInStatus(FirearmStatus status, int limit) {
		return jdbc
			.sql("SELECT " + SUMMARY + " FROM firearm WHERE status = ? ORDER BY record_number FETCH FIRST "
					+ Math.max(1, limit) + " ROWS ONLY")
			.param(status.name())
			.query(RegistryQueries::summary)
			.list();
	}

	/**
	 * The holder on record of each of these firearms that has one (its current holder, or
	 * its last legal one when it is lost, stolen or seized).
	 */
	@Transactional(readOnly = true)
	public Map<UUID, UUID> holdersOf(Collection<UUID> firearmIds) {
		Map<UUID, UUID> holders = new HashMap<>();
		jdbc.sql("SELECT id, holder_id FROM firearm WHERE holder_id IS NOT NULL AND id = ANY(?)")
			.param(firearmIds.toArray(UUID[]::new))
			.query(rs -> {
				holders.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
			});
		return holders;
	}

	/** The firearm's current state without its timeline: for lists and exports. */
	@Transactional(readOnly = true)
	public Optional<FirearmSummary> firearmSummary(UUID id) {
		return jdbc.sql("SELECT " + SUMMARY + " FROM firearm WHERE id = ?")
			.param(id)
			.query(RegistryQueries::summary)
			.optional();
	}

	/** The current state of these firearms, by id: for exports of many. */
	@Transactional(readOnly = true)
	public Map<UUID, FirearmSummary> firearmSummaries(Collection<UUID> firearmIds) {
		Map<UUID, FirearmSummary> summaries = new HashMap<>();
		// one array: an export's tens of thousands in one statement
		jdbc.sql("SELECT " + SUMMARY + " FROM firearm WHERE id = ANY(?)")
			.param(firearmIds.toArray(UUID[]::new))
			.query(RegistryQueries::summary)
			.list()
			.forEach(f -> summaries.put(f.id(), f));
		return summaries;
	}

	/** Loose parts the holder holds, and parts fitted to the firearms it holds. */
	@Transactional(readOnly = true)
	public List<PartView> partsHeldBy(UUID holderId, int limit) {
		return jdbc
			.sql("SELECT p.* FROM part p LEFT JOIN firearm f ON f.id = p.fitted_to WHERE (p.fitted_to IS NULL AND "
					+ "p.holder_id = ?) OR (f.holder_id = ? AND f.status = 'ACTIVE') ORDER BY p.serial FETCH FIRST "
					+ Math.max(1, limit) + " ROWS ONLY")
			.params(holderId, holderId)
			.query((rs, n) -> new PartView(rs.getObject("id", UUID.class), PartKind.valueOf(rs.getString("kind")),
					rs.getString("make"), rs.getString("serial"), rs.getString("country_of_manufacture"),
					rs.getObject("fitted_to", UUID.class)))
			.list();
	}

	/**
	 * The ammunition lots of which the holder holds rounds, with its own holding only.
	 */
	@Transactional(readOnly = true)
	public List<AmmunitionLotView> lotsHeldBy(UUID holderId, int limit) {
		return jdbc
			.sql("SELECT l.*, h.quantity FROM ammunition_lot l JOIN ammunition_holding h ON h.lot_id = l.id "
					+ "WHERE h.holder_id = ? AND h.quantity > 0 ORDER BY l.manufacturer, l.lot_number FETCH FIRST "
					+ Math.max(1, limit) + " ROWS ONLY")
			.param(holderId)
			.query((rs, n) -> new AmmunitionLotView(rs.getObject("id", UUID.class), rs.getString("manufacturer"),
					rs.getString("calibre"), rs.getString("lot_number"), rs.getString("headstamp"),
					(Integer) rs.getObject("year_of_production"),
					List.of(new AmmunitionHolding(holderId, rs.getLong("quantity")))))
			.list();
	}

	/**
	 * Whether the holder holds the part: loose in its stock, or fitted to a firearm it
	 * holds.
	 */
	@Transactional(readOnly = true)
	public boolean holdsPart(UUID holderId, UUID partId) {
		return jdbc
			.sql("SELECT COUNT(*) FROM part p LEFT JOIN firearm f ON f.id = p.fitted_to WHERE p.id = ? AND "
					+ "((p.fitted_to IS NULL AND p.holder_id = ?) OR f.holder_id = ?)")
			.params(partId, holderId, holderId)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether the holder holds rounds of the lot. */
	@Transactional(readOnly = true)
	public boolean holdsLot(UUID holderId, UUID lotId) {
		return jdbc.sql("SELECT COUNT(*) FROM ammunition_holding WHERE lot_id = ? AND holder_id = ? AND quantity > 0")
			.params(lotId, holderId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Who holds the firearm now (none for one no holder keeps: lost, destroyed, unknown).
	 */
	@Transactional(readOnly = true)
	public Optional<UUID> holderOfFirearm(UUID firearmId) {
		return jdbc.sql("SELECT holder_id FROM firearm WHERE id = ? AND holder_id IS NOT NULL")
			.param(firearmId)
			.query(UUID.class)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<String> recordNumber(UUID firearmId) {
		return jdbc.sql("SELECT record_number FROM firearm WHERE id = ?")
			.param(firearmId)
			.query(String.class)
			.optional();
	}

	/**
	 * A serial's key of plain letters and digits, written into the statement as a
	 * literal: a prefix bound as a parameter is planned once for any value by PostgreSQL
	 * (a generic plan, after five executions of a prepared statement), and that plan
	 * cannot use an index for {@code LIKE}, so every search walked the whole index (2.5-6
	 * s at 1,000,000 firearms). A key of anything else (it cannot hold a quote) stays a
	 * parameter.
	 */
	private static final Pattern PLAIN_KEY = Pattern.compile("[0-9A-Z]{1,100}");

	/** Text matched as written by LIKE: its wildcards are not the reader's. */
	private static String literally(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	/**
	 * Firearms whose serial, compared without case or separators, begins with the given
	 * text.
	 */
	@Transactional(readOnly = true)
	public List<FirearmSummary> firearmsBySerial(String serial, int limit) {
		String prefix = SerialNumbers.key(serial);
		if (PLAIN_KEY.matcher(prefix).matches()) {
			return jdbc
				.sql("SELECT " + SUMMARY + " FROM firearm WHERE serial_key LIKE '" + prefix
						+ "%' ORDER BY serial_key, record_number FETCH FIRST " + limit + " ROWS ONLY")
				.query(RegistryQueries::summary)
				.list();
		}
		return jdbc
			.sql("SELECT " + SUMMARY + " FROM firearm WHERE serial_key LIKE ? ESCAPE '!' ORDER BY serial_key, "
					+ "record_number FETCH FIRST " + limit + " ROWS ONLY")
			.param(literally(prefix) + "%")
			.query(RegistryQueries::summary)
			.list();
	}

	/** How many firearms are in each status, in the order of {@link FirearmStatus}. */
	@Transactional(readOnly = true)
	public Map<FirearmStatus, Long> firearmsByStatus() {
		Map<FirearmStatus, Long> counts = new EnumMap<>(FirearmStatus.class);
		jdbc.sql("SELECT status, COUNT(*) FROM firearm GROUP BY status")
			.query((rs, n) -> counts.put(FirearmStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/**
	 * Firearms by any of: the start of the serial, the make (as the catalogue knows it,
	 * so aliases meet), the start of the model (any case), part of the holder's name.
	 * Empty criteria are ignored; at least one is needed.
	 */
	@Transactional(readOnly = true)
	public List<FirearmSummary> findFirearms(String serial, String make, String model, String holderName, int limit) {
		StringBuilder sql = new StringBuilder("SELECT f.id, f.record_number, f.type, f.make, f.model, f.calibre, "
				+ "f.serial, f.country_of_manufacture, f.status FROM firearm f");
		List<Object> params = new ArrayList<>();
		List<String> where = new ArrayList<>();
		if (present(holderName)) {
			sql.append(" JOIN holder_identity i ON i.holder_id = f.holder_id");
			where.add("LOWER(i.name) LIKE ?");
			params.add("%" + holderName.trim().toLowerCase(Locale.ROOT) + "%");
		}
		if (present(serial)) {
			String prefix = SerialNumbers.key(serial);
			if (PLAIN_KEY.matcher(prefix).matches()) {
				where.add("f.serial_key LIKE '" + prefix + "%'");
			}
			else {
				where.add("f.serial_key LIKE ? ESCAPE '!'");
				params.add(literally(prefix) + "%");
			}
		}
		if (present(make)) {
			List<String> keys = Stream.of(make, catalogue.canonical(Catalogue.Kind.MAKE, make).orElse(make))
				.map(Names::makerKey)
				.distinct()
				.toList();
			where.add("f.make_key IN (" + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")");
			params.addAll(keys);
		}
		if (present(model)) {
			where.add("LOWER(f.model) LIKE ?");
			params.add(model.trim().toLowerCase(Locale.ROOT) + "%");
		}
		if (where.isEmpty()) {
			throw new IllegalArgumentException("give a serial, a make, a model or a holder's name");
		}
		sql.append(" WHERE ")
			.append(String.join(" AND ", where))
			.append(" ORDER BY f.serial_key, f.record_number FETCH FIRST ")
			.append(Math.max(1, Math.min(limit, 500)))
			.append(" ROWS ONLY");
		return jdbc.sql(sql.toString()).params(params).query(RegistryQueries::summary).list();
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}

	/**
	 * Holders whose name holds the text, in any case, by name: personal data, for a
	 * reader who stated a purpose.
	 */
	@Transactional(readOnly = true)
	public List<HolderView> holdersNamed(String text, int limit) {
		return jdbc
			.sql("SELECT h.id, h.role, h.country, h.licence_reference, i.name, i.address FROM holder h "
					+ "JOIN holder_identity i ON i.holder_id = h.id WHERE LOWER(i.name) LIKE ? ESCAPE '!' "
					+ "ORDER BY i.name, h.id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
			.param(LikePatterns.containing(text))
			.query((rs, n) -> new HolderView(rs.getObject("id", UUID.class), HolderRole.valueOf(rs.getString("role")),
					rs.getString("name"), rs.getString("address"), rs.getString("country"),
					rs.getString("licence_reference")))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<HolderView> holder(UUID id) {
		return jdbc
			.sql("SELECT h.id, h.role, h.country, h.licence_reference, i.name, i.address FROM holder h "
					+ "LEFT JOIN holder_identity i ON i.holder_id = h.id WHERE h.id = ?")
			.param(id)
			.query((rs, n) -> new HolderView(rs.getObject("id", UUID.class), HolderRole.valueOf(rs.getString("role")),
					rs.getString("name"), rs.getString("address"), rs.getString("country"),
					rs.getString("licence_reference")))
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<AmmunitionLotView> ammunitionLot(UUID id) {
		List<AmmunitionHolding> holdings = jdbc
			.sql("SELECT holder_id, quantity FROM ammunition_holding "
					+ "WHERE lot_id = ? AND quantity > 0 ORDER BY holder_id")
			.param(id)
			.query((rs, n) -> new AmmunitionHolding(rs.getObject("holder_id", UUID.class), rs.getLong("quantity")))
			.list();
		return jdbc.sql("SELECT * FROM ammunition_lot WHERE id = ?")
			.param(id)
			.query((rs, n) -> new AmmunitionLotView(id, rs.getString("manufacturer"), rs.getString("calibre"),
					rs.getString("lot_number"), rs.getString("headstamp"), (Integer) rs.getObject("year_of_production"),
					holdings))
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<PartView> part(UUID id) {
		return jdbc.sql("SELECT * FROM part WHERE id = ?")
			.param(id)
			.query((rs, n) -> new PartView(id, PartKind.valueOf(rs.getString("kind")), rs.getString("make"),
					rs.getString("serial"), rs.getString("country_of_manufacture"),
					rs.getObject("fitted_to", UUID.class)))
			.optional();
	}

	/**
	 * Every fact about a subject, oldest first, each with its inclusion proof in the
	 * latest signed tree.
	 */
	@Transactional(readOnly = true)
	public List<TimelineEvent> timeline(String subjectId) {
		return timeline(ledger.entriesAbout(subjectId));
	}

	private List<TimelineEvent> timeline(List<LedgerEntry> entries) {
		long signed = ledger.latestCheckpoint().map(SignedCheckpoint::treeSize).orElse(0L);
		return entries.stream().map(entry -> timelineEvent(entry, signed)).toList();
	}

	private TimelineEvent timelineEvent(LedgerEntry entry, long signedSize) {
		JsonNode event = json.readTree(entry.canonicalJson()).path("event");
		JsonNode on = event.path("occurredOn");
		InclusionProof proof = entry.seq() < signedSize ? ledger.inclusionProof(entry.seq(), signedSize) : null;
		return new TimelineEvent(entry.seq(), entry.type(),
				on.isMissingNode() || on.isNull() ? null : LocalDate.parse(on.asString()), entry.recordedAt(),
				entry.actor(), event, proof, proof != null && proof.verifies(entry.canonicalJson()));
	}

	private List<Marking> markings(UUID itemId) {
		return jdbc.sql("SELECT kind, text, country, marking_year FROM item_marking WHERE item_id = ? ORDER BY ordinal")
			.param(itemId)
			.query((rs, n) -> new Marking(MarkingKind.valueOf(rs.getString("kind")), rs.getString("text"),
					rs.getString("country"), (Integer) rs.getObject("marking_year")))
			.list();
	}

	private List<PartView> fittedParts(UUID firearmId) {
		return jdbc.sql("SELECT id FROM part WHERE fitted_to = ? ORDER BY kind")
			.param(firearmId)
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> part(id).orElseThrow())
			.toList();
	}

}
