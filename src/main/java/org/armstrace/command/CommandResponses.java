package org.armstrace.command;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * How every command answers over HTTP: 201 with the new state (200 for a replay), or an
 * RFC 9457 problem whose {@code violations} name each broken rule's field, rule and
 * values, with its English sentence as {@code message}.
 */
@Component
public class CommandResponses {

	/** The request header that carries a client's idempotency key. */
	public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final Words words;

	CommandResponses(Words words) {
		this.words = words;
	}

	/** One violation as the API shows it. */
	public record Violation(String field, String rule, String message, List<String> values) {
	}

	/**
	 * 201 with {@code read(subject)} at {@code location + subject} (200 for a replay); a
	 * refusal as {@link #refused(CommandResult.Rejected, Predicate)}.
	 */
	public ResponseEntity<?> answer(CommandResult result, String location, Function<UUID, Optional<?>> read,
			Predicate<Refusal> missingSubject) {
		return switch (result) {
			case CommandResult.Accepted a -> ResponseEntity.status(a.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
				.location(URI.create(location + a.subjectId()))
				.header("Ledger-Entries", a.ledgerSeqs().stream().map(String::valueOf).toList().toString())
				.body(read.apply(a.subjectId()).orElseThrow());
			case CommandResult.Rejected r -> refused(r, missingSubject);
		};
	}

	/**
	 * A refused command as an RFC 9457 problem: 404 when its one violation says the
	 * subject does not exist ({@code missingSubject}), else 422 with every violation.
	 */
	public ResponseEntity<ProblemDetail> refused(CommandResult.Rejected r, Predicate<Refusal> missingSubject) {
		boolean missing = r.violations().size() == 1 && missingSubject.test(r.violations().getFirst());
		HttpStatus status = missing ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT;
		List<Violation> violations = violations(r.violations());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				String.join("; ", violations.stream().map(Violation::message).toList()));
		problem.setTitle(missing ? "Not found" : "Command refused");
		problem.setProperty("violations", violations);
		return ResponseEntity.status(status).body(problem);
	}

	public List<Violation> violations(List<Refusal> refusals) {
		return refusals.stream()
			.map(v -> new Violation(v.field(), v.rule().name(), words.english(v), v.values()))
			.toList();
	}

}
