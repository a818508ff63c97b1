package org.armstrace.command;

/**
 * The rules every module's commands share: required and bounded fields, plausible dates,
 * codes and numbers.
 */
public enum CommonRule implements Rule {

	/** {0} is required. */
	FieldIsRequired,
	/** {0} is longer than {1} characters. */
	FieldIsTooLong,
	/** {0} is a date after today ({1}). */
	DateIsNotInTheFuture,
	/** {0} ends before {1} begins. */
	DateIsInOrder,
	/** {0} names no country, by name in any language or by ISO code ({1}). */
	CountryIsIso3166Alpha3,
	/** {0} is a year outside 1300 .. next year ({1}). */
	YearIsPlausible,
	/** {0} holds more than {1} entries ({2}). */
	ListIsTooLong,
	/** {0} is above {1} ({2}). */
	NumberIsAtMost,
	/** {0} is below {1} ({2}). */
	NumberIsAtLeast,
	/** {0} lies outside {1} .. {2} ({3}). */
	DateIsPlausible,
	/** {0} is not greater than 0 ({1}). */
	QuantityIsPositive,
	/** {0} is a whole number between {1} and {2} ({3}). */
	NumberIsInRange,
	/** {0} cannot be read as its type ({1}). */
	ValueHasTheRightType,
	/** {0} is not a date written YYYY-MM-DD ({1}). */
	DateIsIsoFormat,
	/** {0} is not a record id, a UUID ({1}). */
	IdIsUuid,
	/** {0} is not a year of four digits ({1}). */
	YearIsFourDigits,
	/** {0} is not a whole number ({1}). */
	NumberIsWhole,
	/** The idempotency key is 1 to {1} characters. */
	IdempotencyKeyFormat,
	/** The idempotency key was used for another command ({1}). */
	IdempotencyKeyIsForOneCommand,
	/** The idempotency key was used for this command with another request. */
	IdempotencyKeyIsForOneRequest,
	/**
	 * Two-person approval: whoever proposed a destruction or asked for an export cannot
	 * approve it.
	 */
	ApproverIsNotTheProposer

}
