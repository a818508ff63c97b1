package org.armstrace.registry;

import java.security.Principal;
import java.util.UUID;

import org.armstrace.command.CommandResponses;
import org.armstrace.identity.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A firearm identified as a design of the catalogue of non-industrial firearms. */
@RestController
@Tag(name = "Registry")
class IdentificationController {

	private final NonIndustrialIdentification identification;

	private final RegistryQueries queries;

	private final CommandResponses responses;

	private final Actors actors;

	IdentificationController(NonIndustrialIdentification identification, RegistryQueries queries,
			CommandResponses responses, Actors actors) {
		this.identification = identification;
		this.queries = queries;
		this.responses = responses;
		this.actors = actors;
	}

	@Operation(summary = "Identify a firearm as an entry of the catalogue of non-industrial firearms (e.g. FGC-9)")
	@PostMapping("/api/v1/firearms/{id}/non-industrial-entry")
	ResponseEntity<?> identify(@PathVariable UUID id,
			@RequestBody NonIndustrialIdentification.IdentifyNonIndustrial body, Principal who,
			@RequestHeader(name = CommandResponses.IDEMPOTENCY_KEY, required = false) String key) {
		return responses.answer(identification.identify(id, body, actors.of(who), key), "/api/v1/firearms/",
				queries::firearm, RegistryRule::missingSubject);
	}

}
