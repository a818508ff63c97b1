package org.armstrace.registry;

import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.armstrace.command.CommandResponses;
import org.armstrace.command.CommandResult;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Actors;
import org.armstrace.identity.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Firearms over HTTP: one POST per life-cycle fact, each idempotent under the
 * {@code Idempotency-Key} header. A refused command answers 422 with a problem listing
 * every violated rule and its field.
 */
@RestController
@RequestMapping("/api/v1/firearms")
@Tag(name = "Registry", description = "Firearms, parts, ammunition lots and holders through their life cycle")
class FirearmController {

	private static final String KEY = CommandResponses.IDEMPOTENCY_KEY;

	private final FirearmCommands firearms;

	private final RegistryQueries queries;

	private final Actors actors;

	private final AccessLog accessLog;

	private final CommandResponses responses;

	private final ProductionRuns productionRuns;

	private final DealerStock stock;

	FirearmController(FirearmCommands firearms, ProductionRuns productionRuns, RegistryQueries queries, Actors actors,
			AccessLog accessLog, CommandResponses responses, DealerStock stock) {
		this.stock = stock;
		this.productionRuns = productionRuns;
		this.responses = responses;
		this.accessLog = accessLog;
		this.actors = actors;
		this.firearms = firearms;
		this.queries = queries;
	}

	@Operation(summary = "Register a firearm: at manufacture, or a legacy or newly found one")
	@PostMapping
	ResponseEntity<?> registerFirearm(@RequestBody FirearmCommands.RegisterFirearm body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return responses.answer(firearms.register(body, actors.of(who), key), "/api/v1/firearms/", queries::firearm,
				RegistryRule::missingSubject);
	}

	@Operation(summary = "Register a production run: N firearms alike but for consecutive serials; all or none")
	@PostMapping("/production-runs")
	ResponseEntity<?> registerProductionRun(@RequestBody ProductionRuns.RegisterProductionRun body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return responses.answer(productionRuns.register(body, actors.of(who), key), "/api/v1/firearms/",
				queries::firearm, RegistryRule::missingSubject);
	}

	@Operation(summary = "A firearm's current state, markings, fitted parts and whole timeline with ledger proofs; "
			+ "its holder by role and id, with name, address and licence only when X-Access-Purpose states why")
	@GetMapping("/{id}")
	RegistryQueries.FirearmView firearm(@PathVariable UUID id, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		boolean stated = purpose != null && !purpose.isBlank();
		RegistryQueries.FirearmView firearm = (stated ? queries.firearmWithHolderIdentity(id) : queries.firearm(id))
			.orElseThrow(() -> new NoSuchElementException("no firearm " + id));
		stock.require(id, who);
		accessLog.record(who, AccessLog.Action.READ, "firearm " + firearm.recordNumber(),
				RegistryPages.disclosed(firearm, stated), stated ? purpose : null, 1);
		return firearm;
	}

	@Operation(summary = "Find firearms by record number or by the start of their serial (case and separators ignored)")
	@GetMapping
	List<RegistryQueries.FirearmSummary> findFirearms(@RequestParam(required = false) String serial,
			@RequestParam(required = false) String recordNumber, @RequestParam(defaultValue = "50") int limit,
			Principal who, @RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		List<RegistryQueries.FirearmSummary> found = search(serial, recordNumber, limit);
		accessLog.record(who, AccessLog.Action.SEARCH, "firearms",
				recordNumber != null ? "recordNumber=" + recordNumber : "serial=" + serial, purpose, found.size());
		return found;
	}

	private List<RegistryQueries.FirearmSummary> search(String serial, String recordNumber, int limit) {
		if (recordNumber != null) {
			return queries.firearmIdByRecordNumber(recordNumber)
				.flatMap(queries::firearm)
				.map(f -> List.of(new RegistryQueries.FirearmSummary(f.id(), f.recordNumber(), f.type(), f.make(),
						f.model(), f.calibre(), f.serial(), f.countryOfManufacture(), f.status())))
				.orElse(List.of());
		}
		if (serial == null || serial.isBlank()) {
			throw new IllegalArgumentException("give serial or recordNumber");
		}
		if (limit < 1 || limit > 500) {
			throw new IllegalArgumentException("limit must be between 1 and 500, was " + limit);
		}
		return queries.firearmsBySerial(serial, limit);
	}

	@PostMapping("/{id}/markings")
	ResponseEntity<?> mark(@PathVariable UUID id, @RequestBody FirearmCommands.AddMarking body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.addMarking(id, body, actors.of(who), key), who);
	}

	@PostMapping("/{id}/imports")
	ResponseEntity<?> importFirearm(@PathVariable UUID id, @RequestBody FirearmCommands.ImportFirearm body,
			Principal who, @RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.importFirearm(id, body, actors.of(who), key), who);
	}

	@PostMapping("/{id}/exports")
	ResponseEntity<?> export(@PathVariable UUID id, @RequestBody FirearmCommands.ExportFirearm body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.export(id, body, actors.of(who), key), who);
	}

	@PostMapping("/{id}/transits")
	ResponseEntity<?> transit(@PathVariable UUID id, @RequestBody FirearmCommands.RecordTransit body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.recordTransit(id, body, actors.of(who), key), who);
	}

	@PostMapping("/{id}/transfers")
	ResponseEntity<?> transfer(@PathVariable UUID id, @RequestBody FirearmCommands.TransferFirearm body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		UUID dealer = stock.of(who).orElse(null);
		return inStock(id, dealer, who, firearms.transfer(id, body, actors.of(who), key, dealer));
	}

	@PostMapping("/{id}/lost-reports")
	ResponseEntity<?> lost(@PathVariable UUID id, @RequestBody FirearmCommands.ReportMissing body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		UUID dealer = stock.of(who).orElse(null);
		return inStock(id, dealer, who, firearms.reportLost(id, body, actors.of(who), key, dealer));
	}

	@PostMapping("/{id}/theft-reports")
	ResponseEntity<?> stolen(@PathVariable UUID id, @RequestBody FirearmCommands.ReportMissing body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		UUID dealer = stock.of(who).orElse(null);
		return inStock(id, dealer, who, firearms.reportStolen(id, body, actors.of(who), key, dealer));
	}

	@PostMapping("/{id}/recoveries")
	ResponseEntity<?> recover(@PathVariable UUID id, @RequestBody FirearmCommands.RecordRecovery body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.recover(id, body, actors.of(who), key), who);
	}

	@PostMapping("/{id}/seizures")
	ResponseEntity<?> seize(@PathVariable UUID id, @RequestBody FirearmCommands.RecordSeizure body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.seize(id, body, actors.of(who), key), who);
	}

	@PostMapping("/{id}/deactivations")
	ResponseEntity<?> deactivate(@PathVariable UUID id, @RequestBody FirearmCommands.DeactivateFirearm body,
			Principal who, @RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.deactivate(id, body, actors.of(who), key), who);
	}

	@PostMapping("/{id}/conversions")
	ResponseEntity<?> convert(@PathVariable UUID id, @RequestBody FirearmCommands.ConvertFirearm body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.convert(id, body, actors.of(who), key), who);
	}

	@PostMapping("/{id}/destructions")
	ResponseEntity<?> destroy(@PathVariable UUID id, @RequestBody FirearmCommands.DestroyFirearm body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.destroy(id, body, actors.of(who), key), who);
	}

	@PostMapping("/{id}/found-after-destruction")
	ResponseEntity<?> foundAfterDestruction(@PathVariable UUID id,
			@RequestBody FirearmCommands.RecordFoundAfterDestruction body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.foundAfterDestruction(id, body, actors.of(who), key), who);
	}

	/**
	 * A command's answer: the record as read without a purpose (its holder by role and
	 * id) to whoever may read records; to a role that only records facts (DEALER), the
	 * firearm's summary.
	 */
	/**
	 * A dealer's command on a firearm outside its stock is answered as for a firearm that
	 * does not exist (no existence oracle), and the attempt goes to the access log.
	 */
	private ResponseEntity<?> inStock(UUID id, UUID dealer, Principal who, CommandResult result) {
		if (dealer != null && result instanceof CommandResult.Rejected rejected
				&& rejected.violations().stream().anyMatch(v -> v.rule() == RegistryRule.FirearmMustExist)) {
			stock.refused(id, who);
		}
		return onFirearm(result, who);
	}

	private ResponseEntity<?> onFirearm(CommandResult result, Principal who) {
		return responses.answer(result, "/api/v1/firearms/",
				Role.readsRecords(who) ? queries::firearm : queries::firearmSummary, RegistryRule::missingSubject);
	}

}
