package org.armstrace.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A command's bounds, checked before it waits for the ledger or does any other work:
 * every text and list no longer than its {@link Size}, every number within its
 * {@link Min} and {@link Max}, every date {@link PlausibleDate}. A broken bound is a
 * refusal like any other, named by a {@link CommonRule}.
 */
@Component
public class Bounds {

	private final Validator validator;

	Bounds(Validator validator) {
		this.validator = validator;
	}

	/**
	 * The refusals of a request: a command record, or the parts of one (a subject id and
	 * its body).
	 */
	public List<Refusal> of(Object request) {
		if (request == null) {
			return List.of();
		}
		List<Refusal> refusals = new ArrayList<>();
		if (request instanceof Collection<?> parts) {
			parts.forEach(part -> refusals.addAll(of(part)));
			return refusals;
		}
		validator.validate(request)
			.stream()
			.sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
			.forEach(v -> refusals.add(refusal(v)));
		return refusals;
	}

	/** One broken bound as a refusal, named by its rule. */
	public static Refusal refusal(ConstraintViolation<?> violation) {
		// an element of a list is named by its index alone: items[2], not items[2].<list
		// element>
		String field = violation.getPropertyPath().toString().replace(".<list element>", "");
		Object value = violation.getInvalidValue();
		Object annotation = violation.getConstraintDescriptor().getAnnotation();
		return switch (annotation) {
			case Size size when value instanceof Collection<?> list ->
				Refusal.of(field, CommonRule.ListIsTooLong, size.max(), list.size());
			case Size size -> Refusal.of(field, CommonRule.FieldIsTooLong, size.max());
			case Max max -> Refusal.of(field, CommonRule.NumberIsAtMost, max.value(), value);
			case NotNull required -> Refusal.of(field, CommonRule.FieldIsRequired);
			case Min min -> Refusal.of(field, CommonRule.NumberIsAtLeast, min.value(), value);
			case PlausibleDate plausible -> Refusal.of(field, CommonRule.DateIsPlausible, PlausibleDate.FIRST,
					LocalDate.now().plusYears(plausible.yearsAhead()), value);
			default -> Refusal.of(field, CommonRule.ValueHasTheRightType, value);
		};
	}

}
