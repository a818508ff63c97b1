package org.armstrace.registry;

import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Holders, parts, ammunition lots and the data-quality report over HTTP; firearms have
 * their own controller.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registry")
class RegistryController {

	private static final String KEY = CommandResponses.IDEMPOTENCY_KEY;

	private final HolderCommands holders;

	private final PartCommands parts;

	private final AmmunitionCommands ammunition;

	private final RegistryQueries queries;

	private final DataQuality dataQuality;

	private final Actors actors;

	private final AccessLog accessLog;

	private final CommandResponses responses;

	private final DealerStock stock;

	RegistryController(HolderCommands holders, PartCommands parts, AmmunitionCommands ammunition,
			RegistryQueries queries, DataQuality dataQuality, Actors actors, AccessLog accessLog,
			CommandResponses responses, DealerStock stock) {
		this.stock = stock;
		this.responses = responses;
		this.accessLog = accessLog;
		this.actors = actors;
		this.dataQuality = dataQuality;
		this.holders = holders;
		this.parts = parts;
		this.ammunition = ammunition;
		this.queries = queries;
	}

	@Operation(summary = "Register a holder (manufacturer, dealer, broker, State agency, private owner)")
	@PostMapping("/holders")
	ResponseEntity<?> registerHolder(@RequestBody HolderCommands.RegisterHolder body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return responses.answer(holders.register(body, actors.of(who), key), "/api/v1/holders/", queries::holder,
				RegistryRule::missingSubject);
	}

	@Operation(summary = "A holder, with name: personal data, so the X-Access-Purpose header is required")
	@GetMapping("/holders/{id}")
	RegistryQueries.HolderView holder(@PathVariable UUID id, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		if (purpose == null || purpose.isBlank()) {
			throw new IllegalArgumentException(AccessLog.PURPOSE_HEADER
					+ ": state why you consult this holder's personal data (e.g. a case number)");
		}
		RegistryQueries.HolderView holder = queries.holder(id)
			.orElseThrow(() -> new NoSuchElementException("no holder " + id));
		accessLog.record(who, AccessLog.Action.READ, "holder " + id, null, purpose, 1);
		return holder;
	}

	@PostMapping("/parts")
	ResponseEntity<?> registerPart(@RequestBody PartCommands.RegisterPart body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return responses.answer(parts.register(body, actors.of(who), key), "/api/v1/parts/", queries::part,
				RegistryRule::missingSubject);
	}

	@Operation(summary = "A part; a dealer's account reads the parts in its stock only (any other is not found)")
	@GetMapping("/parts/{id}")
	RegistryQueries.PartView part(@PathVariable UUID id, Principal who) {
		RegistryQueries.PartView part = queries.part(id).orElseThrow(() -> new NoSuchElementException("no part " + id));
		stock.requirePart(id, who);
		return part;
	}

	@PostMapping("/parts/{id}/fittings")
	ResponseEntity<?> fit(@PathVariable UUID id, @RequestBody PartCommands.FitPart body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return responses.answer(parts.fit(id, body, actors.of(who), key), "/api/v1/parts/", queries::part,
				RegistryRule::missingSubject);
	}

	@PostMapping("/parts/{id}/removals")
	ResponseEntity<?> remove(@PathVariable UUID id, @RequestBody PartCommands.RemovePart body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return responses.answer(parts.remove(id, body, actors.of(who), key), "/api/v1/parts/", queries::part,
				RegistryRule::missingSubject);
	}

	@PostMapping("/ammunition-lots")
	ResponseEntity<?> produce(@RequestBody AmmunitionCommands.ProduceAmmunition body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return responses.answer(ammunition.produce(body, actors.of(who), key), "/api/v1/ammunition-lots/",
				queries::ammunitionLot, RegistryRule::missingSubject);
	}

	@Operation(summary = "An ammunition lot and who holds how many rounds; a dealer's account reads the lots it "
			+ "holds rounds of, with its own holding only")
	@GetMapping("/ammunition-lots/{id}")
	RegistryQueries.AmmunitionLotView lot(@PathVariable UUID id, Principal who) {
		RegistryQueries.AmmunitionLotView lot = queries.ammunitionLot(id)
			.orElseThrow(() -> new NoSuchElementException("no ammunition lot " + id));
		stock.requireLot(id, who);
		return stock.of(who).map(holder -> lot.heldBy(Set.of(holder))).orElse(lot);
	}

	@PostMapping("/ammunition-lots/{id}/transfers")
	ResponseEntity<?> transferAmmunition(@PathVariable UUID id, @RequestBody AmmunitionCommands.TransferAmmunition body,
			Principal who, @RequestHeader(name = KEY, required = false) String key) {
		// a dealer disposes of rounds from its own stock only; acquisitions are recorded
		// by whoever disposes of them
		stock.of(who).ifPresent(holder -> {
			if (!holder.equals(body.fromHolderId()) || !queries.holdsLot(holder, id)) {
				throw stock.refused("ammunition lot", id, who);
			}
		});
		// a role that only records facts (DEALER) sees the holdings of the two holders it
		// named, not everyone's
		Set<UUID> named = Stream.of(body.fromHolderId(), body.toHolderId())
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Function<UUID, Optional<?>> read = Role.readsRecords(who) ? queries::ammunitionLot
				: lot -> queries.ammunitionLot(lot).map(l -> l.heldBy(named));
		return responses.answer(ammunition.transfer(id, body, actors.of(who), key), "/api/v1/ammunition-lots/", read,
				RegistryRule::missingSubject);
	}

	@PostMapping("/ammunition-lots/{id}/consumptions")
	ResponseEntity<?> consume(@PathVariable UUID id, @RequestBody AmmunitionCommands.ConsumeAmmunition body,
			Principal who, @RequestHeader(name = KEY, required = false) String key) {
		return responses.answer(ammunition.consume(id, body, actors.of(who), key), "/api/v1/ammunition-lots/",
				queries::ammunitionLot, RegistryRule::missingSubject);
	}

	@Operation(summary = "Makes and calibres in the registry that match no catalogue entry, most frequent first")
	@GetMapping("/registry/data-quality")
	List<DataQuality.UnmatchedText> dataQuality() {
		return dataQuality.unmatched();
	}

}
