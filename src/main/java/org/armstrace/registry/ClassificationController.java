package org.armstrace.registry;

import java.security.Principal;
import java.util.UUID;

import org.armstrace.command.CommandResponses;
import org.armstrace.identity.Actors;
import org.armstrace.identity.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A firearm's category over HTTP. */
@RestController
@RequestMapping("/api/v1/firearms")
@Tag(name = "Registry", description = "Firearms, parts, ammunition lots and holders through their life cycle")
class ClassificationController {

	private final Classifications classifications;

	private final RegistryQueries queries;

	private final Actors actors;

	private final CommandResponses responses;

	ClassificationController(Classifications classifications, RegistryQueries queries, Actors actors,
			CommandResponses responses) {
		this.classifications = classifications;
		this.queries = queries;
		this.actors = actors;
		this.responses = responses;
	}

	@Operation(summary = "Put the firearm in a category of the State's classification "
			+ "(GET /api/v1/reference/firearm-categories)")
	@PostMapping("/{id}/classification")
	ResponseEntity<?> classify(@PathVariable UUID id, @RequestBody Classifications.Classify body, Principal who,
			@RequestHeader(name = CommandResponses.IDEMPOTENCY_KEY, required = false) String key) {
		return responses.answer(classifications.classify(id, body, actors.of(who), key), "/api/v1/firearms/",
				Role.readsRecords(who) ? queries::firearm : queries::firearmSummary, RegistryRule::missingSubject);
	}

}
