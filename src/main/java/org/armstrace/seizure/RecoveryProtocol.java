package org.armstrace.seizure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.command.CommandResult;
import org.armstrace.reference.CountryCode;
import org.armstrace.reference.NonIndustrialCatalogue;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmStatus;
import org.armstrace.registry.MarkingKind;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.seizure.SeizureEvent.ItemSeized;
import org.armstrace.seizure.SeizureEvent.RecoveryStepRecorded;
import org.armstrace.tracing.Candidate;
import org.armstrace.tracing.Matches;
import org.armstrace.tracing.ObservedMarkings;
import org.armstrace.tracing.TracePriority;
import org.armstrace.tracing.TraceRequestQueries;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.Tracing;
import org.springframework.stereotype.Component;

/**
 * The recovery protocol on one seized firearm or marked part, in the seizure's
 * transaction: registry match, lost/stolen status (and the registry's record of the
 * seizure), a trace request (or an ISACS 05.31 exception with its reason), international
 * check, ballistic reference. Each step's outcome is a code and its values.
 */
@Component
class RecoveryProtocol {

	/**
	 * What the protocol recorded for an item, and the investigation case the seizure's
	 * next items join.
	 */
	record Outcome(List<SeizureEvent> events, String investigationCase) {
	}

	/** One item as the protocol sees it. */
	record SeizedItem(UUID itemId, UUID seizureId, int number, String reference, Seizures.Item item) {
	}

	private final Tracing tracing;

	private final TraceRequests traceRequests;

	private final TraceRequestQueries traceQueries;

	private final FirearmCommands firearms;

	private final RegistryQueries registry;

	private final NonIndustrialCatalogue nonIndustrial;

	private final List<InternationalCheck> international;

	RecoveryProtocol(Tracing tracing, TraceRequests traceRequests, TraceRequestQueries traceQueries,
			FirearmCommands firearms, RegistryQueries registry, NonIndustrialCatalogue nonIndustrial,
			List<InternationalCheck> international) {
		this.international = international;
		this.nonIndustrial = nonIndustrial;
		this.tracing = tracing;
		this.traceRequests = traceRequests;
		this.traceQueries = traceQueries;
		this.firearms = firearms;
		this.registry = registry;
	}

	Outcome run(SeizedItem seized, Seizures.RecordSeizure c, String seizureReference, String actor,
			String investigationCase) {
		Seizures.Item item = seized.item();
		UUID itemId = seized.itemId();
		ObservedMarkings observed = item.observed();
		List<RecoveryStepRecorded> steps = new ArrayList<>();
		UUID firearmId = registryMatch(seized, steps);
		List<SeizureEvent> events = new ArrayList<>();
		Optional<NonIndustrialCatalogue.Entry> design = design(item, firearmId);
		events.add(new ItemSeized(itemId, seized.seizureId(), seized.number(), item.kind(), observed,
				trim(item.partKind()), trim(item.calibre()), item.quantity(), null, null, firearmId,
				lastImport(item, firearmId), trim(item.storageLocation()), trim(item.custodian()), c.seizedOn(),
				design.map(NonIndustrialCatalogue.Entry::code).orElse(null),
				design.map(e -> e.kind().name()).orElse(null)));
		FirearmStatus status = firearmId == null ? null
				: registry.firearmSummary(firearmId).map(f -> f.status()).orElse(null);
		steps.add(status == null
				? RecoveryStepRecorded.of(itemId, ProtocolStep.LOST_OR_STOLEN_STATUS, StepState.PENDING,
						StepOutcome.NO_RECORD_YET)
				: status == FirearmStatus.LOST || status == FirearmStatus.STOLEN
						? RecoveryStepRecorded.of(itemId, ProtocolStep.LOST_OR_STOLEN_STATUS, StepState.NEEDS_ATTENTION,
								StepOutcome.LISTED_MISSING, status)
						: RecoveryStepRecorded.of(itemId, ProtocolStep.LOST_OR_STOLEN_STATUS, StepState.DONE,
								StepOutcome.NOT_LISTED_MISSING, status));
		if (firearmId != null) {
			noteOnRegistry(firearmId, status, c, seizureReference, actor);
		}
		String joined = traceStep(seized, c, firearmId, actor, investigationCase, steps);
		steps.add(internationalCheck(itemId, observed, seizureReference, actor));
		steps.add(blank(item.ballisticReference())
				? RecoveryStepRecorded.of(itemId, ProtocolStep.BALLISTIC_REFERENCE, StepState.PENDING,
						StepOutcome.BALLISTIC_PENDING)
				: RecoveryStepRecorded.of(itemId, ProtocolStep.BALLISTIC_REFERENCE, StepState.DONE,
						StepOutcome.BALLISTIC_RECORDED, item.ballisticReference().trim()));
		events.addAll(steps);
		return new Outcome(events, joined);
	}

	/** Step 4: other States' lost and stolen notices, where a module answers for them. */
	private RecoveryStepRecorded internationalCheck(UUID itemId, ObservedMarkings observed, String seizureReference,
			String actor) {
		Optional<InternationalCheck.Result> result = observed == null || blank(observed.serial()) ? Optional.empty()
				: international.stream()
					.map(check -> check.check(itemId, observed, seizureReference, actor))
					.flatMap(Optional::stream)
					.findFirst();
		if (result.isEmpty()) {
			return RecoveryStepRecorded.of(itemId, ProtocolStep.INTERNATIONAL_CHECK, StepState.NOT_CONNECTED,
					StepOutcome.INTERNATIONAL_NOT_CONNECTED);
		}
		InternationalCheck.Hit hit = result.get().hit();
		return hit == null
				? RecoveryStepRecorded.of(itemId, ProtocolStep.INTERNATIONAL_CHECK, StepState.DONE,
						StepOutcome.INTERNATIONAL_NO_HIT, result.get().statesChecked())
				: RecoveryStepRecorded.of(itemId, ProtocolStep.INTERNATIONAL_CHECK, StepState.NEEDS_ATTENTION,
						StepOutcome.INTERNATIONAL_HIT, hit.status(), hit.country(), hit.reference());
	}

	/**
	 * Step 1: the record the officer confirmed, or the engine's one certain candidate;
	 * null when none.
	 */
	private UUID registryMatch(SeizedItem seized, List<RecoveryStepRecorded> steps) {
		UUID itemId = seized.itemId();
		Seizures.Item item = seized.item();
		ObservedMarkings observed = item.observed();
		if (item.firearmId() != null) {
			steps.add(RecoveryStepRecorded.of(itemId, ProtocolStep.NATIONAL_REGISTRY_MATCH, StepState.DONE,
					StepOutcome.MATCHED_BY_OFFICER,
					registry.recordNumber(item.firearmId()).orElse(item.firearmId().toString())));
			return item.firearmId();
		}
		if (observed == null || blank(observed.serial())) {
			steps.add(RecoveryStepRecorded.of(itemId, ProtocolStep.NATIONAL_REGISTRY_MATCH, StepState.NEEDS_ATTENTION,
					StepOutcome.NO_SERIAL_READ));
			return null;
		}
		Matches matches = tracing.match(observed, 10);
		List<Candidate> candidates = matches.candidates();
		Candidate top = candidates.isEmpty() ? null : candidates.getFirst();
		boolean certain = top != null && !top.tie() && top.band() != Candidate.Band.POSSIBLE && top.firearmId() != null;
		if (!certain && matches.isBehind()) {
			// never "no record fits" from an index that has not seen every registration:
			// the match runs again once it has
			steps.add(RecoveryStepRecorded.of(itemId, ProtocolStep.NATIONAL_REGISTRY_MATCH, StepState.PENDING,
					StepOutcome.WAITING_FOR_INDEX, matches.indexBehind()));
			return null;
		}
		if (top == null) {
			steps.add(RecoveryStepRecorded.of(itemId, ProtocolStep.NATIONAL_REGISTRY_MATCH, StepState.DONE,
					StepOutcome.NO_RECORD_FITS, seized.reference()));
			return null;
		}
		if (top.tie() || top.band() == Candidate.Band.POSSIBLE || top.firearmId() == null) {
			steps.add(RecoveryStepRecorded.of(itemId, ProtocolStep.NATIONAL_REGISTRY_MATCH, StepState.NEEDS_ATTENTION,
					top.tie() ? StepOutcome.NO_CERTAIN_MATCH_TIED : StepOutcome.NO_CERTAIN_MATCH, candidates.size(),
					top.recordNumber(), top.band()));
			return null;
		}
		steps.add(top.isPart()
				? RecoveryStepRecorded.of(itemId, ProtocolStep.NATIONAL_REGISTRY_MATCH, StepState.DONE,
						StepOutcome.MATCHED_BY_PART, top.recordNumber(), top.partKind(), top.band(), top.score())
				: RecoveryStepRecorded.of(itemId, ProtocolStep.NATIONAL_REGISTRY_MATCH, StepState.DONE,
						StepOutcome.MATCHED, top.recordNumber(), top.band(), top.score()));
		return UUID.fromString(top.firearmId());
	}

	/**
	 * The registry match of an item that waited for the candidate index, run again now:
	 * the step's new outcome (linked to the record it matched, if any) and, when matched,
	 * the lost/stolen status and the registry's record of the seizure; empty while the
	 * index is still behind.
	 */
	List<SeizureEvent> completeRegistryMatch(UUID itemId, UUID seizureId, int number, String reference,
			ObservedMarkings observed, Seizures.RecordSeizure seizure, String actor) {
		Seizures.Item item = new Seizures.Item(ItemKind.FIREARM, observed, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null);
		List<RecoveryStepRecorded> steps = new ArrayList<>();
		UUID firearmId = registryMatch(new SeizedItem(itemId, seizureId, number, reference, item), steps);
		if (steps.getFirst().state() == StepState.PENDING) {
			return List.of();
		}
		List<SeizureEvent> events = new ArrayList<>();
		if (firearmId == null) {
			events.addAll(steps);
			return events;
		}
		events.add(steps.getFirst().withFirearm(firearmId));
		FirearmStatus status = registry.firearmSummary(firearmId).map(f -> f.status()).orElse(null);
		events.add(status == FirearmStatus.LOST || status == FirearmStatus.STOLEN
				? RecoveryStepRecorded.of(itemId, ProtocolStep.LOST_OR_STOLEN_STATUS, StepState.NEEDS_ATTENTION,
						StepOutcome.LISTED_MISSING, status)
				: RecoveryStepRecorded.of(itemId, ProtocolStep.LOST_OR_STOLEN_STATUS, StepState.DONE,
						StepOutcome.NOT_LISTED_MISSING, status));
		noteOnRegistry(firearmId, status, seizure, reference, actor);
		return events;
	}

	/**
	 * Step 3: a trace request, unless an ISACS 05.31 exception applies; returns the case
	 * the item joined.
	 */
	private String traceStep(SeizedItem seized, Seizures.RecordSeizure c, UUID firearmId, String actor,
			String investigationCase, List<RecoveryStepRecorded> steps) {
		Seizures.Item item = seized.item();
		if (!blank(item.traceException())) {
			steps.add(RecoveryStepRecorded.of(seized.itemId(), ProtocolStep.TRACE_REQUEST, StepState.EXCEPTION,
					StepOutcome.TRACE_EXCEPTION, item.traceException().trim()));
			return investigationCase;
		}
		if (item.observed() == null) {
			return investigationCase;
		}
		CommandResult opened = traceRequests.open(new TraceRequests.OpenTraceRequest(item.observed(),
				item.tracePriority() == null ? TracePriority.ROUTINE : item.tracePriority(), item.urgentReason(), null,
				c.seizedOn(), upper(c.country()), trim(c.locality()), null, seized.reference(), null, investigationCase,
				firearmId), actor, null);
		if (opened instanceof CommandResult.Accepted a) {
			TraceRequestQueries.TraceRequestView view = traceQueries.find(a.subjectId()).orElseThrow();
			steps.add(
					RecoveryStepRecorded
						.of(seized.itemId(), ProtocolStep.TRACE_REQUEST, StepState.DONE, StepOutcome.TRACE_OPENED,
								view.reference(), view.caseReference())
						.withTraceRequest(a.subjectId()));
			return view.caseReference();
		}
		steps.add(RecoveryStepRecorded.of(seized.itemId(), ProtocolStep.TRACE_REQUEST, StepState.NEEDS_ATTENTION,
				StepOutcome.TRACE_NOT_OPENED,
				String.join(", ",
						((CommandResult.Rejected) opened).violations()
							.stream()
							.map(v -> v.field() + ": " + v.rule().name())
							.toList())));
		return investigationCase;
	}

	/**
	 * The registry learns of the seizure too (a destroyed firearm found again is recorded
	 * as such).
	 */
	private void noteOnRegistry(UUID firearmId, FirearmStatus status, Seizures.RecordSeizure c, String reference,
			String actor) {
		if (status == FirearmStatus.DESTROYED) {
			firearms.foundAfterDestruction(firearmId,
					new FirearmCommands.RecordFoundAfterDestruction(c.agency(), c.seizedOn()), actor, null);
		}
		else if (status != FirearmStatus.SEIZED && status != FirearmStatus.FOUND_AFTER_DESTRUCTION) {
			firearms.seize(firearmId, new FirearmCommands.RecordSeizure(c.agency(), reference, c.seizedOn()), actor,
					null);
		}
	}

	/**
	 * The non-industrial design the officer named (checked before), else the one the
	 * matched record was identified as.
	 */
	private Optional<NonIndustrialCatalogue.Entry> design(Seizures.Item item, UUID firearmId) {
		if (!blank(item.nonIndustrialEntry())) {
			return nonIndustrial.entry(item.nonIndustrialEntry().trim());
		}
		return Optional.ofNullable(firearmId)
			.flatMap(registry::firearm)
			.map(f -> f.nonIndustrialEntry())
			.flatMap(nonIndustrial::entry);
	}

	/**
	 * The country of last legal import as entered, else read from an observed or recorded
	 * import marking.
	 */
	private String lastImport(Seizures.Item item, UUID firearmId) {
		if (!blank(item.countryOfLastImport())) {
			return upper(item.countryOfLastImport());
		}
		if (item.observed() != null && item.observed().importMarking() != null) {
			String text = item.observed().importMarking().trim().toUpperCase(Locale.ROOT);
			if (text.length() >= 3 && CountryCode.isValid(text.substring(0, 3))) {
				return text.substring(0, 3);
			}
		}
		if (firearmId == null) {
			return null;
		}
		return registry.firearm(firearmId)
			.flatMap(f -> f.markings()
				.stream()
				.filter(m -> m.kind() == MarkingKind.IMPORT && m.country() != null)
				.reduce((a, b) -> b)
				.map(m -> m.country()))
			.orElse(null);
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	static String trim(String text) {
		return blank(text) ? null : text.trim();
	}

	static String upper(String text) {
		return blank(text) ? null : text.trim().toUpperCase(Locale.ROOT);
	}

}
