package org.armstrace.tracing;

import java.security.Principal;
import java.util.List;

import org.armstrace.identity.AccessLog;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Tracing over HTTP: observed markings in, ranked and explained candidates out. */
@RestController
@Tag(name = "Tracing", description = "From observed markings to the record")
class TracingController {

	record MatchResult(ObservedMarkings observed, List<Candidate> candidates) {
	}

	private final Tracing tracing;

	private final AccessLog accessLog;

	TracingController(Tracing tracing, AccessLog accessLog) {
		this.tracing = tracing;
		this.accessLog = accessLog;
	}

	@Operation(summary = "Ranked candidate records for observed markings ('?' one unreadable character, '*' a run)")
	@PostMapping("/api/v1/traces/match")
	MatchResult match(@RequestBody ObservedMarkings observed, @RequestParam(defaultValue = "10") int limit,
			Principal who, @RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		List<Candidate> candidates = tracing.match(observed, limit);
		accessLog.record(who, AccessLog.Action.SEARCH, "traces", "serial=" + observed.serial() + " make="
				+ observed.make(), purpose, candidates.size());
		return new MatchResult(observed, candidates);
	}

}
