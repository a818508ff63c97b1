package org.armstrace.registry;

import java.security.Principal;
import java.util.UUID;

import org.armstrace.command.CommandResponses;
import org.armstrace.command.CommandResult;
import org.armstrace.identity.Actors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The data-quality queue over HTTP: read it, approve a reading of a legacy value. */
@RestController
@RequestMapping("/api/v1/registry/data-quality")
@Tag(name = "Data quality", description = "Legacy values awaiting a reading, and the share standardised")
class DataQualityController {

	/** The most values one answer lists. */
	static final int MAX_VALUES = 1_000;

	/**
	 * @param approval the approval's id; @param records how many records it read
	 */
	record ReadingView(UUID approval, String field, String text, String value, int records) {
	}

	private final DataQualityQueue queue;

	private final LegacyReadings readings;

	private final CommandResponses responses;

	private final Actors actors;

	DataQualityController(DataQualityQueue queue, LegacyReadings readings, CommandResponses responses, Actors actors) {
		this.queue = queue;
		this.readings = readings;
		this.responses = responses;
		this.actors = actors;
	}

	@Operation(summary = "Distinct legacy values not read for certain, most held first, with the share of records "
			+ "fully standardised per field")
	@GetMapping("/queue")
	DataQualityQueue.Queue queue(@RequestParam(defaultValue = "100") int limit) {
		return queue.queue(Math.clamp(limit, 1, MAX_VALUES));
	}

	@Operation(summary = "Read a legacy value as a code or catalogue entry, for every record holding it")
	@PostMapping("/readings")
	ResponseEntity<?> approve(@RequestBody LegacyReadings.ApproveReading body, Principal who,
			@RequestHeader(name = CommandResponses.IDEMPOTENCY_KEY, required = false) String key) {
		return switch (readings.approve(body, actors.of(who), key)) {
			case CommandResult.Accepted a -> ResponseEntity.status(a.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
				.body(new ReadingView(a.subjectId(), body.field(), body.text(), body.value(), a.ledgerSeqs().size()));
			case CommandResult.Rejected r -> responses.refused(r, refusal -> false);
		};
	}

}
