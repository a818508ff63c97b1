package org.armstrace.web;

import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;

import org.armstrace.command.Bounds;
import org.armstrace.command.CommandResponses;
import org.armstrace.command.CommandResult;
import org.armstrace.command.CommonRule;
import org.armstrace.command.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.validation.ConstraintViolation;
import tools.jackson.databind.DatabindException;

/**
 * Maps the exceptions that modules throw for bad input to problem details (RFC 9457).
 * Spring MVC's own errors (missing or malformed parameters) are mapped by Spring itself
 * ({@code spring.mvc.problemdetails.enabled}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

	private final CommandResponses responses;

	ApiErrors(CommandResponses responses) {
		this.responses = responses;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badInput(IllegalArgumentException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Invalid input");
		return problem;
	}

	/**
	 * Unreadable JSON: name the field (a JSON path) and what was wrong with its value.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		String detail = "the request body is not valid JSON for this request";
		String field = null;
		// the outermost binding error names the field, also when a value's own reader
		// refused it
		Throwable cause = e.getCause();
		while (cause != null && !(cause instanceof DatabindException)) {
			cause = cause.getCause();
		}
		if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			field = databind.getPath()
				.stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
				.orElse(null);
			detail = field + ": " + databind.getOriginalMessage().lines().findFirst().orElse("invalid value");
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Unreadable request");
		if (field != null) {
			problem.setProperty("violations", List
				.of(new CommandResponses.Violation(field, CommonRule.ValueHasTheRightType.name(), detail, List.of())));
		}
		return problem;
	}

	/**
	 * Another command held the ledger longer than {@code armstrace.ledger.append-wait}:
	 * nothing was written, the client may try again.
	 */
	@ExceptionHandler({ PessimisticLockingFailureException.class, QueryTimeoutException.class })
	ResponseEntity<ProblemDetail> busy(RuntimeException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"the ledger is busy with another command; nothing was recorded: try again");
		problem.setTitle("Busy");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS))
			.body(problem);
	}

	static final long RETRY_AFTER_SECONDS = 5;

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	/**
	 * A statement the database refused. Its message can hold the values of the row
	 * (names, addresses), so the log keeps only what kind of error it was; the client
	 * learns nothing of the database.
	 */
	@ExceptionHandler(DataAccessException.class)
	ProblemDetail database(DataAccessException e) {
		String state = e.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : "none";
		log.error("the database refused a statement: {} (SQL state {})", e.getClass().getSimpleName(), state);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"the request could not be recorded; nothing was written");
		problem.setTitle("Not recorded");
		return problem;
	}

	/**
	 * A request body out of its bounds ({@code @Valid}): refused like a command, field by
	 * field.
	 */
	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> outOfBounds(MethodArgumentNotValidException e) {
		List<Refusal> refusals = e.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> Bounds.refusal(error.unwrap(ConstraintViolation.class)))
			.toList();
		return responses.refused(new CommandResult.Rejected(refusals), refusal -> false);
	}

	@ExceptionHandler(NoSuchElementException.class)
	ProblemDetail notFound(NoSuchElementException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

}
