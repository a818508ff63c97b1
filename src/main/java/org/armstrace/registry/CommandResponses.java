package org.armstrace.registry;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** How every command answers over HTTP: registry commands here, and the refusals of every module's commands. */
public final class CommandResponses {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private CommandResponses() {
	}

	/** 201 with the new state (200 for a replay), 404 for a missing subject, 422 for broken rules. */
	static ResponseEntity<?> answer(CommandResult result, String location, Function<UUID, Optional<?>> read) {
		return switch (result) {
			case CommandResult.Accepted a -> ResponseEntity.status(a.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
				.location(URI.create(location + a.subjectId()))
				.header("Ledger-Entries", a.ledgerSeqs().stream().map(String::valueOf).toList().toString())
				.body(read.apply(a.subjectId()).orElseThrow());
			case CommandResult.Rejected r -> refused(r, v -> v.rule().endsWith("MustExist")
					&& v.field().matches("firearmId|partId|lotId"));
		};
	}

	/**
	 * A refused command as an RFC 9457 problem: 404 when its one violation says the subject does not exist
	 * ({@code missingSubject}), else 422 with every violation, its field and rule.
	 */
	public static ResponseEntity<ProblemDetail> refused(CommandResult.Rejected r, Predicate<Violation> missingSubject) {
		boolean missing = r.violations().size() == 1 && missingSubject.test(r.violations().getFirst());
		HttpStatus status = missing ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, r.violations().stream()
			.map(Violation::message).reduce((a, b) -> a + "; " + b).orElseThrow());
		problem.setTitle(missing ? "Not found" : "Command refused");
		problem.setProperty("violations", r.violations());
		return ResponseEntity.status(status).body(problem);
	}

}
