package org.armstrace.seizure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.command.Wording;
import org.armstrace.ledger.EventTypes;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.reference.NonIndustrialCatalogue;
import org.armstrace.reference.NonIndustrialKind;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.seizure.SeizureEvent.RecoveryStepRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * What officers read about seizures: a seizure with its items, each item's protocol
 * checklist and custody.
 */
@Service
public class SeizureQueries {

	/** A seized item as the gate and the lists need it. */
	record ItemRow(UUID id, UUID seizureId, String reference, ItemKind kind, UUID firearmId, UUID traceRequestId,
			String traceException, String custodyStatus, String storageLocation, String custodian,
			LocalDate destroyedOn) {
	}

	public record Hold(UUID id, String caseReference, String court, LocalDate placedOn, LocalDate until,
			LocalDate releasedOn, String releaseReason) {

		/**
		 * Active on a day: not released, and without an end or ending on or after that
		 * day.
		 */
		public boolean activeOn(LocalDate day) {
			return releasedOn == null && (until == null || !until.isBefore(day));
		}

	}

	/**
	 * One step of an item's protocol as the ledger last recorded it: its outcome as a
	 * code and values, or (an entry of schema version 1) as the English sentence
	 * {@code detail}.
	 */
	public record Step(ProtocolStep step, StepState state, StepOutcome outcome, List<String> values,
			UUID traceRequestId, String detail) implements Wording {

		static Step of(RecoveryStepRecorded e) {
			return new Step(e.step(), e.state(), e.outcome(), e.values(), e.traceRequestId(), e.detail());
		}

		@Override
		public String messageKey() {
			return outcome == null ? "protocol.in-words" : "protocol.outcome." + outcome;
		}

		@Override
		public List<String> arguments() {
			return outcome == null ? List.of(detail == null ? "" : detail) : values;
		}

	}

	/**
	 * A seized item; {@code nonIndustrialEntry} is the code of the catalogue entry of
	 * non-industrial firearms it is a design of, with the entry's name and kind.
	 */
	public record ItemView(UUID id, String reference, int itemNumber, ItemKind kind, String observedSerial, String make,
			String calibre, String partKind, Long quantity, String headstamp, String lotNumber, UUID firearmId,
			String recordNumber, String countryOfLastImport, String storageLocation, String custodian,
			CustodyStatus custodyStatus, LocalDate custodySince, LocalDate destroyedOn, String nonIndustrialEntry,
			String nonIndustrialName, String nonIndustrialKind, List<Step> protocol, List<Hold> holds) {
	}

	public record SeizureView(UUID id, String reference, LocalDate seizedOn, String country, String region,
			String locality, Double latitude, Double longitude, PlaceKind placeKind, String agency,
			String caseReference, LegalBasis legalBasis, CriminalContext criminalContext, String carrier,
			String trackingNumber, String declaredContent, String originCountry, String destinationCountry,
			List<PersonView> persons, List<ItemView> items) {
	}

	public record PersonView(UUID personId, String name, String nationality, PersonRole role) {
	}

	/**
	 * A judicial deadline: a hold ending soon, or one that ended while the item is still
	 * held.
	 */
	public record Deadline(UUID itemId, String itemReference, String storageLocation, CustodyStatus custodyStatus,
			String caseReference, String court, LocalDate until, boolean overdue) {
	}

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final JsonMapper json;

	private final RegistryQueries registry;

	private final NonIndustrialCatalogue nonIndustrial;

	SeizureQueries(JdbcClient jdbc, Ledger ledger, JsonMapper json, RegistryQueries registry,
			NonIndustrialCatalogue nonIndustrial) {
		this.nonIndustrial = nonIndustrial;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.json = json;
		this.registry = registry;
	}

	static Optional<ItemRow> itemRow(JdbcClient jdbc, UUID id) {
		return jdbc
			.sql("SELECT i.*, s.reference AS seizure_reference FROM seized_item i JOIN seizure s ON "
					+ "s.id = i.seizure_id WHERE i.id = ?")
			.param(id)
			.query((rs, n) -> new ItemRow(id, rs.getObject("seizure_id", UUID.class),
					rs.getString("seizure_reference") + "/" + rs.getInt("item_number"),
					ItemKind.valueOf(rs.getString("kind")), rs.getObject("firearm_id", UUID.class),
					rs.getObject("trace_request_id", UUID.class), rs.getString("trace_exception"),
					rs.getString("custody_status"), rs.getString("storage_location"), rs.getString("custodian"),
					rs.getObject("destroyed_on", LocalDate.class)))
			.optional();
	}

	static List<Hold> holds(JdbcClient jdbc, UUID itemId) {
		return jdbc.sql("SELECT * FROM judicial_hold WHERE item_id = ? ORDER BY placed_on, id")
			.param(itemId)
			.query((rs, n) -> new Hold(rs.getObject("id", UUID.class), rs.getString("case_reference"),
					rs.getString("court"), rs.getObject("placed_on", LocalDate.class),
					rs.getObject("held_until", LocalDate.class), rs.getObject("released_on", LocalDate.class),
					rs.getString("release_reason")))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<SeizureView> seizure(UUID id) {
		return jdbc.sql("SELECT * FROM seizure WHERE id = ?")
			.param(id)
			.query((rs, n) -> new SeizureView(id, rs.getString("reference"), rs.getObject("seized_on", LocalDate.class),
					rs.getString("country"), rs.getString("region"), rs.getString("locality"),
					(Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
					PlaceKind.valueOf(rs.getString("place_kind")), rs.getString("agency"),
					rs.getString("case_reference"), LegalBasis.valueOf(rs.getString("legal_basis")),
					CriminalContext.valueOf(rs.getString("criminal_context")), rs.getString("carrier"),
					rs.getString("tracking_number"), rs.getString("declared_content"), rs.getString("origin_country"),
					rs.getString("destination_country"), List.of(), List.of()))
			.optional()
			.map(s -> new SeizureView(s.id(), s.reference(), s.seizedOn(), s.country(), s.region(), s.locality(),
					s.latitude(), s.longitude(), s.placeKind(), s.agency(), s.caseReference(), s.legalBasis(),
					s.criminalContext(), s.carrier(), s.trackingNumber(), s.declaredContent(), s.originCountry(),
					s.destinationCountry(), persons(id), items(id, s.reference())));
	}

	@Transactional(readOnly = true)
	public Optional<UUID> seizureIdByReference(String reference) {
		return jdbc.sql("SELECT id FROM seizure WHERE reference = ?").param(reference).query(UUID.class).optional();
	}

	private List<PersonView> persons(UUID seizureId) {
		return jdbc
			.sql("SELECT p.person_id, p.role, i.name, i.nationality FROM seizure_person p LEFT JOIN "
					+ "seizure_person_identity i ON i.person_id = p.person_id WHERE p.seizure_id = ? ORDER BY i.name")
			.param(seizureId)
			.query((rs, n) -> new PersonView(rs.getObject("person_id", UUID.class), rs.getString("name"),
					rs.getString("nationality"), PersonRole.valueOf(rs.getString("role"))))
			.list();
	}

	private List<ItemView> items(UUID seizureId, String reference) {
		return jdbc.sql("SELECT id FROM seized_item WHERE seizure_id = ? ORDER BY item_number")
			.param(seizureId)
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> item(id).orElseThrow())
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<ItemView> item(UUID id) {
		return jdbc
			.sql("SELECT i.*, s.reference AS seizure_reference FROM seized_item i JOIN seizure s ON "
					+ "s.id = i.seizure_id WHERE i.id = ?")
			.param(id)
			.query((rs, n) -> {
				UUID firearm = rs.getObject("firearm_id", UUID.class);
				return new ItemView(id, rs.getString("seizure_reference") + "/" + rs.getInt("item_number"),
						rs.getInt("item_number"), ItemKind.valueOf(rs.getString("kind")),
						rs.getString("observed_serial"), rs.getString("make"), rs.getString("calibre"),
						rs.getString("part_kind"), (Long) rs.getObject("quantity", Long.class),
						rs.getString("headstamp"), rs.getString("lot_number"), firearm,
						firearm == null ? null : registry.recordNumber(firearm).orElse(null),
						rs.getString("country_of_last_import"), rs.getString("storage_location"),
						rs.getString("custodian"), CustodyStatus.valueOf(rs.getString("custody_status")),
						rs.getObject("custody_since", LocalDate.class), rs.getObject("destroyed_on", LocalDate.class),
						rs.getString("non_industrial_entry"), null, rs.getString("non_industrial_kind"), List.of(),
						List.of());
			})
			.optional()
			.map(i -> new ItemView(i.id(), i.reference(), i.itemNumber(), i.kind(), i.observedSerial(), i.make(),
					i.calibre(), i.partKind(), i.quantity(), i.headstamp(), i.lotNumber(), i.firearmId(),
					i.recordNumber(), i.countryOfLastImport(), i.storageLocation(), i.custodian(), i.custodyStatus(),
					i.custodySince(), i.destroyedOn(), i.nonIndustrialEntry(), designName(i.nonIndustrialEntry()),
					i.nonIndustrialKind(), i.kind() == ItemKind.AMMUNITION ? List.of() : protocol(id),
					holds(jdbc, id)));
	}

	/** The entry's name as the catalogue holds it today (a State may correct it). */
	private String designName(String code) {
		return code == null ? null : nonIndustrial.entry(code).map(NonIndustrialCatalogue.Entry::name).orElse(code);
	}

	/**
	 * The checklist: each step in order with the latest state the ledger holds for it.
	 */
	private List<Step> protocol(UUID itemId) {
		Map<ProtocolStep, Step> latest = new EnumMap<>(ProtocolStep.class);
		for (LedgerEntry entry : ledger.entriesAbout(itemId.toString())) {
			if (SeizureEvent.typeOf(RecoveryStepRecorded.class).equals(entry.type())) {
				RecoveryStepRecorded e = EventTypes.read(json, entry, RecoveryStepRecorded.class);
				latest.put(e.step(), Step.of(e));
			}
		}
		List<Step> steps = new ArrayList<>();
		for (ProtocolStep step : ProtocolStep.values()) {
			steps.add(latest.getOrDefault(step,
					new Step(step, StepState.PENDING, StepOutcome.NOT_RUN, List.of(), null, null)));
		}
		return steps;
	}

	/**
	 * Items in custody (not returned, not destroyed), by storage location then status;
	 * optional filters.
	 */
	@Transactional(readOnly = true)
	public List<ItemView> inCustody(String location, CustodyStatus status, int limit) {
		return inCustody(location, status, null, null, limit);
	}

	/**
	 * Items in custody, optionally only those of one non-industrial design (its entry
	 * code) or of one kind of design.
	 */
	@Transactional(readOnly = true)
	public List<ItemView> inCustody(String location, CustodyStatus status, String design, NonIndustrialKind kind,
			int limit) {
		StringBuilder sql = new StringBuilder(
				"SELECT id FROM seized_item WHERE custody_status IN ('IN_CUSTODY', " + "'AT_LABORATORY', 'AT_COURT')");
		List<Object> params = new ArrayList<>();
		if (location != null && !location.isBlank()) {
			sql.append(" AND storage_location = ?");
			params.add(location.trim());
		}
		if (status != null) {
			sql.append(" AND custody_status = ?");
			params.add(status.name());
		}
		if (design != null && !design.isBlank()) {
			sql.append(" AND non_industrial_entry = ?");
			params.add(design.trim());
		}
		if (kind != null) {
			sql.append(" AND non_industrial_kind = ?");
			params.add(kind.name());
		}
		sql.append(" ORDER BY storage_location, custody_status, id FETCH FIRST ")
			.append(Math.max(1, limit))
			.append(" ROWS ONLY");
		return jdbc.sql(sql.toString())
			.params(params)
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> item(id).orElseThrow())
			.toList();
	}

	/**
	 * Seizures and seized items of one non-industrial design in one month.
	 *
	 * @param entry the catalogue entry's code
	 * @param name the entry's name as the catalogue holds it today
	 */
	public record DesignMonth(YearMonth month, String entry, String name, NonIndustrialKind kind, long seizures,
			long items) {
	}

	/**
	 * Firearms and parts of non-industrial designs seized since {@code from}, by month,
	 * entry and kind, the latest month first: the emerging-threat view (Working Group DP
	 * 5-6).
	 */
	@Transactional(readOnly = true)
	public List<DesignMonth> nonIndustrialByMonth(LocalDate from) {
		return jdbc
			.sql("SELECT EXTRACT(YEAR FROM s.seized_on) AS y, EXTRACT(MONTH FROM s.seized_on) AS m, "
					+ "i.non_industrial_entry, i.non_industrial_kind, COUNT(DISTINCT s.id) AS seizures, "
					+ "COUNT(*) AS items FROM seized_item i JOIN seizure s ON s.id = i.seizure_id "
					+ "WHERE i.non_industrial_entry IS NOT NULL AND s.seized_on >= ? "
					+ "GROUP BY EXTRACT(YEAR FROM s.seized_on), EXTRACT(MONTH FROM s.seized_on), "
					+ "i.non_industrial_entry, i.non_industrial_kind "
					+ "ORDER BY y DESC, m DESC, items DESC, i.non_industrial_entry")
			.param(from)
			.query((rs, n) -> new DesignMonth(YearMonth.of(rs.getInt("y"), rs.getInt("m")),
					rs.getString("non_industrial_entry"), designName(rs.getString("non_industrial_entry")),
					NonIndustrialKind.valueOf(rs.getString("non_industrial_kind")), rs.getLong("seizures"),
					rs.getLong("items")))
			.list();
	}

	/** How many seizures are on record. */
	@Transactional(readOnly = true)
	public long seizureCount() {
		return jdbc.sql("SELECT COUNT(*) FROM seizure").query(Long.class).single();
	}

	@Transactional(readOnly = true)
	public long inCustodyCount() {
		return jdbc
			.sql("SELECT COUNT(*) FROM seized_item WHERE custody_status IN ('IN_CUSTODY', 'AT_LABORATORY', "
					+ "'AT_COURT')")
			.query(Long.class)
			.single();
	}

	/**
	 * Holds ending within {@code days} days, and holds that ended while the item is still
	 * held (overdue).
	 */
	@Transactional(readOnly = true)
	public List<Deadline> deadlines(int days) {
		LocalDate today = LocalDate.now();
		return jdbc.sql("SELECT h.*, i.id AS item_id, i.item_number, i.storage_location, i.custody_status, "
				+ "s.reference FROM judicial_hold h JOIN seized_item i ON i.id = h.item_id JOIN seizure s ON "
				+ "s.id = i.seizure_id WHERE h.released_on IS NULL AND h.held_until IS NOT NULL AND h.held_until <= ? "
				+ "AND i.custody_status IN ('IN_CUSTODY', 'AT_LABORATORY', 'AT_COURT') ORDER BY h.held_until, s.reference")
			.param(today.plusDays(days))
			.query((rs, n) -> {
				LocalDate until = rs.getObject("held_until", LocalDate.class);
				return new Deadline(rs.getObject("item_id", UUID.class),
						rs.getString("reference") + "/" + rs.getInt("item_number"), rs.getString("storage_location"),
						CustodyStatus.valueOf(rs.getString("custody_status")), rs.getString("case_reference"),
						rs.getString("court"), until, until.isBefore(today));
			})
			.list();
	}

}
