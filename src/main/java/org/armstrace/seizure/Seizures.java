package org.armstrace.seizure;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.reference.CountryCode;
import org.armstrace.registry.CommandResult;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmStatus;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.registry.Violation;
import org.armstrace.seizure.SeizureEvent.CustodyEventRecorded;
import org.armstrace.seizure.SeizureEvent.ItemSeized;
import org.armstrace.seizure.SeizureEvent.JudicialHoldPlaced;
import org.armstrace.seizure.SeizureEvent.JudicialHoldReleased;
import org.armstrace.seizure.SeizureEvent.PersonInvolved;
import org.armstrace.seizure.SeizureEvent.RecoveryStepRecorded;
import org.armstrace.seizure.SeizureEvent.SeizedItemDestroyed;
import org.armstrace.seizure.SeizureEvent.SeizureRecorded;
import org.armstrace.tracing.Candidate;
import org.armstrace.tracing.ObservedMarkings;
import org.armstrace.tracing.TracePriority;
import org.armstrace.tracing.TraceRequestState;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.Tracing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Records seizures and runs the recovery protocol on every seized firearm and marked part, in the same
 * transaction: registry match, lost/stolen status, a trace request (or an ISACS 05.31 exception with its reason),
 * international check, ballistic reference. Then evidence custody, judicial holds and the destruction gate.
 */
@Service
public class Seizures {

	public record RecordSeizure(LocalDate seizedOn, String country, String region, String locality, Double latitude,
			Double longitude, PlaceKind placeKind, String agency, String caseReference, LegalBasis legalBasis,
			CriminalContext criminalContext, ShipmentDetails shipment, List<Person> persons, List<Item> items) {
	}

	public record ShipmentDetails(String carrier, String trackingNumber, String declaredContent, String originCountry,
			String destinationCountry, Party sender, Party recipient) {
	}

	/** A sender or recipient: name and address stay in this database, off the ledger. */
	public record Party(String name, String address) {
	}

	public record Person(String name, String nationality, PersonRole role) {
	}

	/**
	 * One seized item. Firearms and parts: what was observed, optionally the record the officer already confirmed
	 * ({@code firearmId}), an ISACS 05.31 exception to tracing with its reason, a ballistic reference. Ammunition:
	 * calibre and quantity, headstamp or lot.
	 */
	public record Item(ItemKind kind, ObservedMarkings observed, UUID firearmId, String partKind, String calibre,
			Long quantity, String headstamp, String lotNumber, String countryOfLastImport, String storageLocation,
			String custodian, String traceException, String ballisticReference, TracePriority tracePriority,
			String urgentReason) {
	}

	public record RecordCustodyEvent(CustodyEventKind kind, String location, String custodian, LocalDate on,
			String note) {
	}

	public record PlaceHold(String caseReference, String court, LocalDate placedOn, LocalDate until) {
	}

	public record ReleaseHold(UUID holdId, LocalDate releasedOn, String reason) {
	}

	public record DestroyItems(List<UUID> itemIds, String method, List<String> witnesses, LocalDate on) {
	}

	private final Ledger ledger;

	private final SeizureProjection projection;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Tracing tracing;

	private final TraceRequests traceRequests;

	private final FirearmCommands firearms;

	private final RegistryQueries registry;

	private final JsonMapper json;

	Seizures(Ledger ledger, SeizureProjection projection, JdbcClient jdbc, TransactionTemplate transactions,
			Tracing tracing, TraceRequests traceRequests, FirearmCommands firearms, RegistryQueries registry,
			JsonMapper json) {
		this.json = json;
		this.ledger = ledger;
		this.projection = projection;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.tracing = tracing;
		this.traceRequests = traceRequests;
		this.firearms = firearms;
		this.registry = registry;
	}

	/** Records the seizure, its persons and items, and runs the protocol on each firearm and part. */
	public CommandResult record(RecordSeizure c, String actor) {
		List<Violation> violations = check(c);
		if (!violations.isEmpty()) {
			return new CommandResult.Rejected(violations);
		}
		return transactions.execute(status -> {
			ledger.lockForAppend();
			UUID seizureId = UUID.randomUUID();
			String reference = nextReference(c.seizedOn());
			SeizureEvent.Shipment shipment = null;
			if (c.shipment() != null) {
				ShipmentDetails s = c.shipment();
				shipment = new SeizureEvent.Shipment(trim(s.carrier()), trim(s.trackingNumber()),
						trim(s.declaredContent()), upper(s.originCountry()), upper(s.destinationCountry()),
						party(s.sender()), party(s.recipient()));
			}
			List<SeizureEvent> events = new ArrayList<>();
			events.add(new SeizureRecorded(seizureId, reference, c.seizedOn(), upper(c.country()), trim(c.region()),
					trim(c.locality()), c.latitude(), c.longitude(), c.placeKind(), c.agency().trim(),
					trim(c.caseReference()), c.legalBasis(), c.criminalContext(), shipment));
			List<UUID> personIds = new ArrayList<>();
			for (Person p : c.persons() == null ? List.<Person>of() : c.persons()) {
				UUID personId = UUID.randomUUID();
				personIds.add(personId);
				events.add(new PersonInvolved(seizureId, personId, p.role()));
				jdbc.sql("INSERT INTO seizure_person_identity (person_id, name, nationality) VALUES (?, ?, ?)")
					.params(personId, p.name().trim(), upper(p.nationality())).update();
			}
			append(actor, events);
			String investigationCase = null;
			int number = 0;
			for (Item item : c.items()) {
				number++;
				investigationCase = seizeItem(seizureId, reference, number, item, c, actor, investigationCase);
			}
			if (investigationCase != null) {
				for (Person p : c.persons() == null ? List.<Person>of() : c.persons()) {
					traceRequests.addPerson(investigationCase, p.name(), p.nationality(), p.role().name(), actor);
				}
			}
			return new CommandResult.Accepted(seizureId, List.of(), false);
		});
	}

	/** Records one item and, for firearms and parts, runs the protocol; returns the investigation case to join. */
	private String seizeItem(UUID seizureId, String reference, int number, Item item, RecordSeizure c, String actor,
			String investigationCase) {
		UUID itemId = UUID.randomUUID();
		String itemReference = reference + "/" + number;
		if (item.kind() == ItemKind.AMMUNITION) {
			append(actor, List.of(new ItemSeized(itemId, seizureId, number, item.kind(), null, null,
					trim(item.calibre()), item.quantity(), trim(item.headstamp()), trim(item.lotNumber()), null, null,
					trim(item.storageLocation()), trim(item.custodian()), c.seizedOn())));
			return investigationCase;
		}
		ObservedMarkings observed = item.observed();
		UUID firearmId = item.firearmId();
		List<RecoveryStepRecorded> steps = new ArrayList<>();
		// 1. national registry
		if (firearmId != null) {
			steps.add(new RecoveryStepRecorded(itemId, ProtocolStep.NATIONAL_REGISTRY_MATCH, StepState.DONE,
					"matched by the officer to " + registry.recordNumber(firearmId).orElse(firearmId.toString()), null));
		}
		else if (observed != null && observed.serial() != null && !observed.serial().isBlank()) {
			List<Candidate> candidates = matches(observed);
			Candidate top = candidates.isEmpty() ? null : candidates.getFirst();
			if (top != null && !top.tie() && top.band() != Candidate.Band.POSSIBLE && top.firearmId() != null) {
				firearmId = UUID.fromString(top.firearmId());
				steps.add(new RecoveryStepRecorded(itemId, ProtocolStep.NATIONAL_REGISTRY_MATCH, StepState.DONE,
						"matched to " + top.recordNumber() + (top.isPart() ? " (" + top.partKind().toLowerCase(Locale.ROOT)
								+ " fitted to it)" : "") + ", " + top.band() + ", score " + top.score(), null));
			}
			else if (top != null) {
				steps.add(new RecoveryStepRecorded(itemId, ProtocolStep.NATIONAL_REGISTRY_MATCH,
						StepState.NEEDS_ATTENTION, candidates.size() + " possible record(s), none certain (best "
								+ top.recordNumber() + ", " + top.band() + (top.tie() ? ", tied" : "")
								+ "): confirm one in the trace request", null));
			}
			else {
				steps.add(new RecoveryStepRecorded(itemId, ProtocolStep.NATIONAL_REGISTRY_MATCH, StepState.DONE,
						"no record fits: recorded as a new, unregistered item " + itemReference, null));
			}
		}
		else {
			steps.add(new RecoveryStepRecorded(itemId, ProtocolStep.NATIONAL_REGISTRY_MATCH,
					StepState.NEEDS_ATTENTION, "no serial could be read: search by the other markings, or examine "
							+ "the item for removed markings", null));
		}
		append(actor, List.of(new ItemSeized(itemId, seizureId, number, item.kind(), observed, trim(item.partKind()),
				trim(item.calibre()), item.quantity(), null, null, firearmId, lastImport(item, firearmId),
				trim(item.storageLocation()), trim(item.custodian()), c.seizedOn())));
		// 2. lost or stolen
		FirearmStatus status = firearmId == null ? null : registry.firearmSummary(firearmId).map(f -> f.status()).orElse(null);
		if (status == null) {
			steps.add(new RecoveryStepRecorded(itemId, ProtocolStep.LOST_OR_STOLEN_STATUS, StepState.PENDING,
					"no record matched yet: checked when a record is confirmed", null));
		}
		else if (status == FirearmStatus.LOST || status == FirearmStatus.STOLEN) {
			steps.add(new RecoveryStepRecorded(itemId, ProtocolStep.LOST_OR_STOLEN_STATUS, StepState.NEEDS_ATTENTION,
					"the record says " + status.name().toLowerCase(Locale.ROOT) + ": inform the holder of record and "
							+ "the reporting police", null));
		}
		else {
			steps.add(new RecoveryStepRecorded(itemId, ProtocolStep.LOST_OR_STOLEN_STATUS, StepState.DONE,
					"not reported lost or stolen (status " + status + ")", null));
		}
		if (firearmId != null) {
			noteOnRegistry(firearmId, status, c, reference, actor);
		}
		// 3. trace request, unless an ISACS 05.31 exception applies
		if (item.traceException() != null && !item.traceException().isBlank()) {
			steps.add(new RecoveryStepRecorded(itemId, ProtocolStep.TRACE_REQUEST, StepState.EXCEPTION,
					item.traceException().trim(), null));
		}
		else if (observed != null) {
			CommandResult opened = traceRequests.open(new TraceRequests.OpenTraceRequest(observed,
					item.tracePriority() == null ? TracePriority.ROUTINE : item.tracePriority(), item.urgentReason(),
					null, c.seizedOn(), upper(c.country()), trim(c.locality()), null, itemReference, null,
					investigationCase, firearmId), actor, null);
			if (opened instanceof CommandResult.Accepted a) {
				TraceRequests.TraceRequestView view = traceRequests.find(a.subjectId()).orElseThrow();
				investigationCase = view.caseReference();
				steps.add(new RecoveryStepRecorded(itemId, ProtocolStep.TRACE_REQUEST, StepState.DONE,
						"trace request " + view.reference() + " opened (case " + view.caseReference() + ")",
						a.subjectId()));
			}
			else {
				steps.add(new RecoveryStepRecorded(itemId, ProtocolStep.TRACE_REQUEST, StepState.NEEDS_ATTENTION,
						"no trace request could be opened: " + ((CommandResult.Rejected) opened).violations().stream()
							.map(Violation::message).toList(), null));
			}
		}
		// 4. international databases: not connected until exchange with other States exists
		steps.add(new RecoveryStepRecorded(itemId, ProtocolStep.INTERNATIONAL_CHECK, StepState.NOT_CONNECTED,
				"exchange with other States and INTERPOL iARMS is not connected: check by hand", null));
		// 5. ballistic reference
		steps.add(item.ballisticReference() == null || item.ballisticReference().isBlank()
				? new RecoveryStepRecorded(itemId, ProtocolStep.BALLISTIC_REFERENCE, StepState.PENDING,
						"no IBIN/NIBIN reference recorded yet", null)
				: new RecoveryStepRecorded(itemId, ProtocolStep.BALLISTIC_REFERENCE, StepState.DONE,
						item.ballisticReference().trim(), null));
		append(actor, List.copyOf(steps));
		return investigationCase;
	}

	private List<Candidate> matches(ObservedMarkings observed) {
		try {
			return tracing.match(observed, 10);
		}
		catch (IllegalArgumentException e) {
			return List.of();
		}
	}

	/** The registry learns of the seizure too (a destroyed firearm found again is recorded as such). */
	private void noteOnRegistry(UUID firearmId, FirearmStatus status, RecordSeizure c, String reference,
			String actor) {
		if (status == FirearmStatus.DESTROYED) {
			firearms.foundAfterDestruction(firearmId, new FirearmCommands.RecordFoundAfterDestruction(c.agency(),
					c.seizedOn()), actor, null);
		}
		else if (status != FirearmStatus.SEIZED && status != FirearmStatus.FOUND_AFTER_DESTRUCTION) {
			firearms.seize(firearmId, new FirearmCommands.RecordSeizure(c.agency(), reference, c.seizedOn()), actor,
					null);
		}
	}

	/** The country of last legal import as entered, else read from an observed or recorded import marking. */
	private String lastImport(Item item, UUID firearmId) {
		if (item.countryOfLastImport() != null && !item.countryOfLastImport().isBlank()) {
			return upper(item.countryOfLastImport());
		}
		if (item.observed() != null && item.observed().importMarking() != null) {
			String text = item.observed().importMarking().trim().toUpperCase(Locale.ROOT);
			if (text.length() >= 3 && CountryCode.isValid(text.substring(0, 3))) {
				return text.substring(0, 3);
			}
		}
		if (firearmId != null) {
			return registry.firearm(firearmId).flatMap(f -> f.markings().stream()
				.filter(m -> m.kind() == org.armstrace.registry.MarkingKind.IMPORT && m.country() != null)
				.reduce((a, b) -> b)
				.map(m -> m.country())).orElse(null);
		}
		return null;
	}

	private UUID party(Party party) {
		if (party == null || party.name() == null || party.name().isBlank()) {
			return null;
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO shipment_party (id, name, address, party_key) VALUES (?, ?, ?, ?)")
			.params(id, party.name().trim(), trim(party.address()), partyKey(party)).update();
		return id;
	}

	/** Name and address compared without case, accents, punctuation or spacing: the same party written twice. */
	static String partyKey(Party party) {
		String text = party.name() + "|" + (party.address() == null ? "" : party.address());
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT)
			.replaceAll("[^A-Z0-9|]", "");
	}

	// Custody

	public CommandResult recordCustodyEvent(UUID itemId, RecordCustodyEvent c, String actor) {
		return onItem(itemId, actor, item -> {
			List<Violation> v = new ArrayList<>();
			if (c.kind() == null) {
				v.add(new Violation("kind", "KindRequired", "kind must be one of CHECKED_IN, MOVED, SENT_TO_LABORATORY, "
						+ "SENT_TO_COURT, RETURNED"));
			}
			if ((c.kind() == CustodyEventKind.CHECKED_IN || c.kind() == CustodyEventKind.MOVED) && blank(c.location())) {
				v.add(new Violation("location", "LocationRequired", "say where the item is stored"));
			}
			if (c.on() != null && c.on().isAfter(LocalDate.now())) {
				v.add(new Violation("on", "NotInFuture", "the date cannot be after today"));
			}
			if (CustodyStatus.DESTROYED.name().equals(item.custodyStatus())) {
				v.add(new Violation("itemId", "NotDestroyed", "the item was destroyed on " + item.destroyedOn()));
			}
			if (!v.isEmpty()) {
				return v;
			}
			return List.of(new CustodyEventRecorded(itemId, c.kind(), trim(c.location()), trim(c.custodian()),
					c.on() == null ? LocalDate.now() : c.on(), trim(c.note())));
		});
	}

	public CommandResult placeHold(UUID itemId, PlaceHold c, String actor) {
		return onItem(itemId, actor, item -> {
			List<Violation> v = new ArrayList<>();
			if (blank(c.caseReference())) {
				v.add(new Violation("caseReference", "CaseRequired", "give the court case the item is evidence in"));
			}
			if (blank(c.court())) {
				v.add(new Violation("court", "CourtRequired", "name the court"));
			}
			LocalDate placed = c.placedOn() == null ? LocalDate.now() : c.placedOn();
			if (c.until() != null && c.until().isBefore(placed)) {
				v.add(new Violation("until", "UntilAfterPlaced", "a hold cannot end before it was placed"));
			}
			if (CustodyStatus.DESTROYED.name().equals(item.custodyStatus())) {
				v.add(new Violation("itemId", "NotDestroyed", "the item was destroyed on " + item.destroyedOn()));
			}
			return v.isEmpty() ? List.of(new JudicialHoldPlaced(itemId, UUID.randomUUID(), c.caseReference().trim(),
					c.court().trim(), placed, c.until())) : v;
		});
	}

	public CommandResult releaseHold(UUID itemId, ReleaseHold c, String actor) {
		return onItem(itemId, actor, item -> {
			Optional<Boolean> released = c.holdId() == null ? Optional.empty()
					: jdbc.sql("SELECT released_on IS NOT NULL FROM judicial_hold WHERE id = ? AND item_id = ?")
						.params(c.holdId(), itemId).query(Boolean.class).optional();
			if (released.isEmpty()) {
				return List.of(new Violation("holdId", "HoldMustExist", "no judicial hold " + c.holdId()
						+ " on this item"));
			}
			if (released.get()) {
				return List.of(new Violation("holdId", "NotReleased", "the hold was already released"));
			}
			if (blank(c.reason())) {
				return List.of(new Violation("reason", "ReasonRequired", "give the court's decision or order that "
						+ "releases the item"));
			}
			return List.of(new JudicialHoldReleased(itemId, c.holdId(), c.releasedOn() == null ? LocalDate.now()
					: c.releasedOn(), c.reason().trim()));
		});
	}

	/**
	 * Destroys seized items in one batch, one event per item, only when every item may be destroyed: its trace
	 * answered, or closed as unresolved with a reason, or an exception recorded; no active judicial hold. A refusal
	 * lists every missing condition of every item.
	 */
	public CommandResult destroy(DestroyItems c, String actor) {
		return transactions.execute(status -> {
			ledger.lockForAppend();
			List<Violation> v = new ArrayList<>();
			if (c.itemIds() == null || c.itemIds().isEmpty()) {
				v.add(new Violation("itemIds", "ItemsRequired", "name the items to destroy"));
			}
			if (blank(c.method())) {
				v.add(new Violation("method", "MethodRequired", "give the method of destruction"));
			}
			if (c.witnesses() == null || c.witnesses().stream().filter(w -> !blank(w)).count() < 1) {
				v.add(new Violation("witnesses", "DestructionIsWitnessed", "name at least one witness"));
			}
			LocalDate on = c.on() == null ? LocalDate.now() : c.on();
			if (on.isAfter(LocalDate.now())) {
				v.add(new Violation("on", "NotInFuture", "the date cannot be after today"));
			}
			List<SeizureQueries.ItemRow> items = new ArrayList<>();
			for (UUID id : c.itemIds() == null ? List.<UUID>of() : c.itemIds()) {
				Optional<SeizureQueries.ItemRow> item = SeizureQueries.itemRow(jdbc, id);
				if (item.isEmpty()) {
					v.add(new Violation("itemIds", "ItemMustExist", "no seized item " + id));
					continue;
				}
				items.add(item.get());
				v.addAll(missingForDestruction(item.get(), on));
			}
			if (!v.isEmpty()) {
				return new CommandResult.Rejected(v);
			}
			UUID batch = UUID.randomUUID();
			List<String> witnesses = c.witnesses().stream().filter(w -> !blank(w)).map(String::trim).toList();
			List<SeizureEvent> events = new ArrayList<>();
			for (SeizureQueries.ItemRow item : items) {
				events.add(new SeizedItemDestroyed(item.id(), batch, c.method().trim(), witnesses, on));
				if (item.firearmId() != null && item.kind() == ItemKind.FIREARM) {
					CommandResult registryResult = firearms.destroy(item.firearmId(), new FirearmCommands.DestroyFirearm(
							c.method().trim(), witnesses, on), actor, null);
					if (registryResult instanceof CommandResult.Rejected r) {
						status.setRollbackOnly();
						List<Violation> onRegistry = r.violations().stream().map(x -> new Violation("itemIds",
								x.rule(), item.reference() + ": the registry refuses: " + x.message())).toList();
						return new CommandResult.Rejected(onRegistry);
					}
				}
			}
			return new CommandResult.Accepted(batch, append(actor, events), false);
		});
	}

	/** What an item still misses before it may be destroyed on a day; empty when the item does not exist. */
	public Optional<List<Violation>> missingForDestruction(UUID itemId, LocalDate on) {
		return SeizureQueries.itemRow(jdbc, itemId).map(item -> missingForDestruction(item, on));
	}

	/** Every condition an item still misses before it may be destroyed, in words. */
	List<Violation> missingForDestruction(SeizureQueries.ItemRow item, LocalDate on) {
		List<Violation> missing = new ArrayList<>();
		String ref = item.reference();
		if (CustodyStatus.DESTROYED.name().equals(item.custodyStatus())) {
			missing.add(new Violation("itemIds", "NotDestroyed", ref + ": already destroyed on " + item.destroyedOn()));
			return missing;
		}
		if (CustodyStatus.RETURNED.name().equals(item.custodyStatus())) {
			missing.add(new Violation("itemIds", "InCustody", ref + ": returned, no longer in custody"));
		}
		if (item.kind() != ItemKind.AMMUNITION && item.traceException() == null) {
			if (item.traceRequestId() == null) {
				missing.add(new Violation("itemIds", "TracedBeforeDestruction", ref + ": no trace request: open one, "
						+ "or record an ISACS 05.31 exception with its reason"));
			}
			else {
				TraceRequests.TraceRequestView trace = traceRequests.find(item.traceRequestId()).orElseThrow();
				boolean done = trace.state() == TraceRequestState.ANSWERED || trace.state() == TraceRequestState.CLOSED;
				if (!done) {
					missing.add(new Violation("itemIds", "TracedBeforeDestruction", ref + ": trace request "
							+ trace.reference() + " is " + trace.state() + ": answer it, or close it as unresolved "
							+ "with a reason"));
				}
			}
		}
		for (SeizureQueries.Hold hold : SeizureQueries.holds(jdbc, item.id())) {
			if (hold.activeOn(on)) {
				missing.add(new Violation("itemIds", "NoActiveJudicialHold", ref + ": judicial hold for case "
						+ hold.caseReference() + " (" + hold.court() + ") is active "
						+ (hold.until() == null ? "indefinitely" : "until " + hold.until()) + ": record its release"));
			}
		}
		return missing;
	}

	private interface ItemStep {
		List<?> decide(SeizureQueries.ItemRow item);
	}

	@SuppressWarnings("unchecked")
	private CommandResult onItem(UUID itemId, String actor, ItemStep step) {
		return transactions.execute(status -> {
			ledger.lockForAppend();
			Optional<SeizureQueries.ItemRow> item = SeizureQueries.itemRow(jdbc, itemId);
			if (item.isEmpty()) {
				return new CommandResult.Rejected(List.of(new Violation("itemId", "ItemMustExist", "no seized item "
						+ itemId)));
			}
			List<?> decided = step.decide(item.get());
			if (!decided.isEmpty() && decided.getFirst() instanceof Violation) {
				return new CommandResult.Rejected((List<Violation>) decided);
			}
			return new CommandResult.Accepted(itemId, append(actor, (List<SeizureEvent>) decided), false);
		});
	}

	private List<Long> append(String actor, List<? extends SeizureEvent> events) {
		List<LedgerEntry> entries = ledger.append(actor, events);
		for (int i = 0; i < entries.size(); i++) {
			projection.apply(events.get(i), entries.get(i).seq());
		}
		return entries.stream().map(LedgerEntry::seq).toList();
	}

	private List<Violation> check(RecordSeizure c) {
		List<Violation> v = new ArrayList<>();
		if (c.seizedOn() == null) {
			v.add(new Violation("seizedOn", "DateRequired", "give the date of the seizure"));
		}
		else if (c.seizedOn().isAfter(LocalDate.now())) {
			v.add(new Violation("seizedOn", "NotInFuture", "the seizure cannot be after today"));
		}
		country(v, "country", c.country(), true);
		if (c.placeKind() == null) {
			v.add(new Violation("placeKind", "PlaceKindRequired", "kind of place must be one of "
					+ List.of(PlaceKind.values())));
		}
		if (blank(c.agency())) {
			v.add(new Violation("agency", "AgencyRequired", "name the seizing agency"));
		}
		if (c.legalBasis() == null) {
			v.add(new Violation("legalBasis", "LegalBasisRequired", "legal basis must be one of "
					+ List.of(LegalBasis.values())));
		}
		if (c.criminalContext() == null) {
			v.add(new Violation("criminalContext", "CriminalContextRequired", "criminal context must be one of "
					+ List.of(CriminalContext.values()) + " (NONE_KNOWN when there is none)"));
		}
		if ((c.latitude() == null) != (c.longitude() == null) || (c.latitude() != null
				&& (Math.abs(c.latitude()) > 90 || Math.abs(c.longitude()) > 180))) {
			v.add(new Violation("latitude", "Coordinates", "give both latitude (-90..90) and longitude (-180..180), "
					+ "or neither"));
		}
		if (c.shipment() != null) {
			country(v, "shipment.originCountry", c.shipment().originCountry(), false);
			country(v, "shipment.destinationCountry", c.shipment().destinationCountry(), false);
		}
		List<Person> persons = c.persons() == null ? List.of() : c.persons();
		for (int i = 0; i < persons.size(); i++) {
			Person p = persons.get(i);
			if (p == null || blank(p.name())) {
				v.add(new Violation("persons[" + i + "].name", "NameRequired", "give the person's name"));
			}
			if (p != null && p.role() == null) {
				v.add(new Violation("persons[" + i + "].role", "RoleRequired", "role must be one of "
						+ List.of(PersonRole.values())));
			}
			if (p != null) {
				country(v, "persons[" + i + "].nationality", p.nationality(), false);
			}
		}
		if (c.items() == null || c.items().isEmpty()) {
			v.add(new Violation("items", "ItemsRequired", "a seizure holds at least one item"));
			return v;
		}
		for (int i = 0; i < c.items().size(); i++) {
			Item item = c.items().get(i);
			String at = "items[" + i + "]";
			if (item == null || item.kind() == null) {
				v.add(new Violation(at + ".kind", "KindRequired", "kind must be FIREARM, PART or AMMUNITION"));
				continue;
			}
			if (item.kind() == ItemKind.AMMUNITION) {
				if (blank(item.calibre())) {
					v.add(new Violation(at + ".calibre", "CalibreRequired", "give the ammunition's calibre"));
				}
				if (item.quantity() == null || item.quantity() < 1) {
					v.add(new Violation(at + ".quantity", "QuantityPositive", "give the number of rounds (1 or more)"));
				}
				continue;
			}
			if (item.observed() == null) {
				v.add(new Violation(at + ".observed", "ObservedMarkingsRequired", "give what was read on the item, "
						+ "even if only '*' for an unreadable serial"));
			}
			if (item.kind() == ItemKind.PART && blank(item.partKind())) {
				v.add(new Violation(at + ".partKind", "PartKindRequired", "say which part (frame, receiver, barrel, "
						+ "slide, cylinder, bolt, breech block)"));
			}
			if (item.firearmId() != null && registry.recordNumber(item.firearmId()).isEmpty()) {
				v.add(new Violation(at + ".firearmId", "FirearmMustExist", "no firearm " + item.firearmId()));
			}
			if (item.tracePriority() == TracePriority.URGENT && blank(item.urgentReason())) {
				v.add(new Violation(at + ".urgentReason", "UrgentNeedsReason", "an urgent trace must say why"));
			}
			country(v, at + ".countryOfLastImport", item.countryOfLastImport(), false);
		}
		return v;
	}

	private static void country(List<Violation> v, String field, String value, boolean required) {
		if (blank(value)) {
			if (required) {
				v.add(new Violation(field, "CountryRequired", field + " is required (ISO 3166-1 alpha-3, e.g. AUT)"));
			}
		}
		else if (!CountryCode.isValid(value.trim().toUpperCase(Locale.ROOT))) {
			v.add(new Violation(field, "CountryIsIso3166Alpha3", field + " must be an ISO 3166-1 alpha-3 code, was '"
					+ value + "'"));
		}
	}

	private String nextReference(LocalDate on) {
		String start = "SZ-" + on.getYear() + "-";
		long count = jdbc.sql("SELECT COUNT(*) FROM seizure WHERE reference LIKE ?").param(start + "%")
			.query(Long.class).single();
		return start + String.format("%06d", count + 1);
	}

	/** Refills the seizure tables from the ledger (part of {@code armstrace rebuild}). */
	public long rebuild() {
		return transactions.execute(status -> {
			ledger.lockForAppend();
			projection.reset();
			return ledger.replay(SeizureEvent.TYPES, json, (event, entry) -> projection.apply(event, entry.seq()));
		});
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String trim(String text) {
		return blank(text) ? null : text.trim();
	}

	private static String upper(String text) {
		return blank(text) ? null : text.trim().toUpperCase(Locale.ROOT);
	}

}
