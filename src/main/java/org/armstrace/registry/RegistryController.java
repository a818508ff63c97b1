package org.armstrace.registry;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
 * The registry over HTTP: one POST per life-cycle fact, each idempotent under the {@code Idempotency-Key}
 * header. A refused command answers 422 with a problem listing every violated rule and its field.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registry", description = "Firearms, parts, ammunition lots and holders through their life cycle")
class RegistryController {

	private static final String KEY = "Idempotency-Key";

	private final HolderCommands holders;

	private final FirearmCommands firearms;

	private final PartCommands parts;

	private final AmmunitionCommands ammunition;

	private final RegistryQueries queries;

	private final DataQuality dataQuality;

	RegistryController(HolderCommands holders, FirearmCommands firearms, PartCommands parts,
			AmmunitionCommands ammunition, RegistryQueries queries, DataQuality dataQuality) {
		this.dataQuality = dataQuality;
		this.holders = holders;
		this.firearms = firearms;
		this.parts = parts;
		this.ammunition = ammunition;
		this.queries = queries;
	}

	@Operation(summary = "Register a holder (manufacturer, dealer, broker, State agency, private owner)")
	@PostMapping("/holders")
	ResponseEntity<?> registerHolder(@RequestBody HolderCommands.RegisterHolder body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(holders.register(body, who.getName(), key), "/api/v1/holders/", id -> queries.holder(id));
	}

	@GetMapping("/holders/{id}")
	RegistryQueries.HolderView holder(@PathVariable UUID id) {
		return queries.holder(id).orElseThrow(() -> new NoSuchElementException("no holder " + id));
	}

	@Operation(summary = "Register a firearm: at manufacture, or a legacy or newly found one")
	@PostMapping("/firearms")
	ResponseEntity<?> registerFirearm(@RequestBody FirearmCommands.RegisterFirearm body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(firearms.register(body, who.getName(), key), "/api/v1/firearms/", queries::firearm);
	}

	@Operation(summary = "Register a production run: N firearms alike but for consecutive serials; all or none")
	@PostMapping("/firearms/production-runs")
	ResponseEntity<?> registerProductionRun(@RequestBody FirearmCommands.RegisterProductionRun body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(firearms.registerProductionRun(body, who.getName(), key), "/api/v1/firearms/",
				queries::firearm);
	}

	@Operation(summary = "A firearm's current state, markings, fitted parts and whole timeline with ledger proofs")
	@GetMapping("/firearms/{id}")
	RegistryQueries.FirearmView firearm(@PathVariable UUID id) {
		return queries.firearm(id).orElseThrow(() -> new NoSuchElementException("no firearm " + id));
	}

	@Operation(summary = "Find firearms by record number or by the start of their serial (case and separators ignored)")
	@GetMapping("/firearms")
	List<RegistryQueries.FirearmSummary> findFirearms(@RequestParam(required = false) String serial,
			@RequestParam(required = false) String recordNumber, @RequestParam(defaultValue = "50") int limit) {
		if (recordNumber != null) {
			return queries.firearmIdByRecordNumber(recordNumber).flatMap(queries::firearm)
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

	@PostMapping("/firearms/{id}/markings")
	ResponseEntity<?> mark(@PathVariable UUID id, @RequestBody FirearmCommands.AddMarking body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.addMarking(id, body, who.getName(), key));
	}

	@PostMapping("/firearms/{id}/imports")
	ResponseEntity<?> importFirearm(@PathVariable UUID id, @RequestBody FirearmCommands.ImportFirearm body,
			Principal who, @RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.importFirearm(id, body, who.getName(), key));
	}

	@PostMapping("/firearms/{id}/exports")
	ResponseEntity<?> export(@PathVariable UUID id, @RequestBody FirearmCommands.ExportFirearm body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.export(id, body, who.getName(), key));
	}

	@PostMapping("/firearms/{id}/transits")
	ResponseEntity<?> transit(@PathVariable UUID id, @RequestBody FirearmCommands.RecordTransit body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.recordTransit(id, body, who.getName(), key));
	}

	@PostMapping("/firearms/{id}/transfers")
	ResponseEntity<?> transfer(@PathVariable UUID id, @RequestBody FirearmCommands.TransferFirearm body,
			Principal who, @RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.transfer(id, body, who.getName(), key));
	}

	@PostMapping("/firearms/{id}/lost-reports")
	ResponseEntity<?> lost(@PathVariable UUID id, @RequestBody FirearmCommands.ReportMissing body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.reportLost(id, body, who.getName(), key));
	}

	@PostMapping("/firearms/{id}/theft-reports")
	ResponseEntity<?> stolen(@PathVariable UUID id, @RequestBody FirearmCommands.ReportMissing body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.reportStolen(id, body, who.getName(), key));
	}

	@PostMapping("/firearms/{id}/recoveries")
	ResponseEntity<?> recover(@PathVariable UUID id, @RequestBody FirearmCommands.RecordRecovery body,
			Principal who, @RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.recover(id, body, who.getName(), key));
	}

	@PostMapping("/firearms/{id}/seizures")
	ResponseEntity<?> seize(@PathVariable UUID id, @RequestBody FirearmCommands.RecordSeizure body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.seize(id, body, who.getName(), key));
	}

	@PostMapping("/firearms/{id}/deactivations")
	ResponseEntity<?> deactivate(@PathVariable UUID id, @RequestBody FirearmCommands.DeactivateFirearm body,
			Principal who, @RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.deactivate(id, body, who.getName(), key));
	}

	@PostMapping("/firearms/{id}/conversions")
	ResponseEntity<?> convert(@PathVariable UUID id, @RequestBody FirearmCommands.ConvertFirearm body,
			Principal who, @RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.convert(id, body, who.getName(), key));
	}

	@PostMapping("/firearms/{id}/destructions")
	ResponseEntity<?> destroy(@PathVariable UUID id, @RequestBody FirearmCommands.DestroyFirearm body,
			Principal who, @RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.destroy(id, body, who.getName(), key));
	}

	@PostMapping("/firearms/{id}/found-after-destruction")
	ResponseEntity<?> foundAfterDestruction(@PathVariable UUID id,
			@RequestBody FirearmCommands.RecordFoundAfterDestruction body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return onFirearm(firearms.foundAfterDestruction(id, body, who.getName(), key));
	}

	@PostMapping("/parts")
	ResponseEntity<?> registerPart(@RequestBody PartCommands.RegisterPart body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(parts.register(body, who.getName(), key), "/api/v1/parts/", queries::part);
	}

	@GetMapping("/parts/{id}")
	RegistryQueries.PartView part(@PathVariable UUID id) {
		return queries.part(id).orElseThrow(() -> new NoSuchElementException("no part " + id));
	}

	@PostMapping("/parts/{id}/fittings")
	ResponseEntity<?> fit(@PathVariable UUID id, @RequestBody PartCommands.FitPart body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(parts.fit(id, body, who.getName(), key), "/api/v1/parts/", queries::part);
	}

	@PostMapping("/parts/{id}/removals")
	ResponseEntity<?> remove(@PathVariable UUID id, @RequestBody PartCommands.RemovePart body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(parts.remove(id, body, who.getName(), key), "/api/v1/parts/", queries::part);
	}

	@PostMapping("/ammunition-lots")
	ResponseEntity<?> produce(@RequestBody AmmunitionCommands.ProduceAmmunition body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(ammunition.produce(body, who.getName(), key), "/api/v1/ammunition-lots/",
				queries::ammunitionLot);
	}

	@GetMapping("/ammunition-lots/{id}")
	RegistryQueries.AmmunitionLotView lot(@PathVariable UUID id) {
		return queries.ammunitionLot(id).orElseThrow(() -> new NoSuchElementException("no ammunition lot " + id));
	}

	@PostMapping("/ammunition-lots/{id}/transfers")
	ResponseEntity<?> transferAmmunition(@PathVariable UUID id,
			@RequestBody AmmunitionCommands.TransferAmmunition body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(ammunition.transfer(id, body, who.getName(), key), "/api/v1/ammunition-lots/",
				queries::ammunitionLot);
	}

	@PostMapping("/ammunition-lots/{id}/consumptions")
	ResponseEntity<?> consume(@PathVariable UUID id, @RequestBody AmmunitionCommands.ConsumeAmmunition body,
			Principal who, @RequestHeader(name = KEY, required = false) String key) {
		return answer(ammunition.consume(id, body, who.getName(), key), "/api/v1/ammunition-lots/",
				queries::ammunitionLot);
	}

	@Operation(summary = "Makes and calibres in the registry that match no catalogue entry, most frequent first")
	@GetMapping("/registry/data-quality")
	List<DataQuality.UnmatchedText> dataQuality() {
		return dataQuality.unmatched();
	}

	private ResponseEntity<?> onFirearm(CommandResult result) {
		return answer(result, "/api/v1/firearms/", queries::firearm);
	}

	/** 201 with the new state (200 for a replay), 404 for a missing subject, 422 for broken rules. */
	private static ResponseEntity<?> answer(CommandResult result, String location,
			Function<UUID, java.util.Optional<?>> read) {
		return switch (result) {
			case CommandResult.Accepted a -> ResponseEntity.status(a.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
				.location(URI.create(location + a.subjectId()))
				.header("Ledger-Entries", a.ledgerSeqs().stream().map(String::valueOf).toList().toString())
				.body(read.apply(a.subjectId()).orElseThrow());
			case CommandResult.Rejected r -> {
				boolean missing = r.violations().size() == 1 && r.violations().getFirst().rule().endsWith("MustExist")
						&& r.violations().getFirst().field().matches("firearmId|partId|lotId");
				HttpStatus status = missing ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT;
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, r.violations().stream()
					.map(Violation::message).reduce((a, b) -> a + "; " + b).orElseThrow());
				problem.setTitle(missing ? "Not found" : "Command refused");
				problem.setProperty("violations", r.violations());
				yield ResponseEntity.status(status).body(problem);
			}
		};
	}

}
