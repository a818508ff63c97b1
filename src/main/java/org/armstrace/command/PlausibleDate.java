package org.armstrace.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date a record can hold: not before {@value #FIRST} (the oldest firearms on any
 * register), not more than {@link #yearsAhead()} years after today. Whether it may lie in
 * the future at all is each command's own rule.
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

	String FIRST = "1300-01-01";

	int yearsAhead() default 100;

	String message() default "date outside the plausible range";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The check itself. */
	class Check implements ConstraintValidator<PlausibleDate, LocalDate> {

		private int yearsAhead;

		@Override
		public void initialize(PlausibleDate annotation) {
			this.yearsAhead = annotation.yearsAhead();
		}

		@Override
		public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
			return date == null
					|| !date.isBefore(LocalDate.parse(FIRST)) && !date.isAfter(LocalDate.now().plusYears(yearsAhead));
		}

	}

}
