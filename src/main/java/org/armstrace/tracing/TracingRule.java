package org.armstrace.tracing;

import org.armstrace.command.Rule;

/**
 * The rules of tracing and trace requests; each one's sentence is {@code rule.<name>} in
 * the tracing bundles.
 */
public enum TracingRule implements Rule {

	ObservedMarkingsRequired, SerialCharacters,
	/** A search needs at least one readable serial character. */
	SerialReadable, LimitIsInRange, PriorityRequired, UrgentNeedsReason, CaseMustExist, FirearmMustExist,
	FirearmRequired, TraceRequestMustExist, UnitRequired, ReasonRequired, NameRequired, RoleRequired, NotClosed,
	ConfirmWhileUnanswered, UnresolvedWhileOpen, AnswerAfterConfirmation, CloseWhenAnsweredOrUnresolved,
	/** Financial information is an ACCOUNT, TRANSFER, PAYMENT, CASH or ASSET. */
	FinancialKindIsKnown,
	/** An amount is a number of at most two decimals, from 0 to 1,000,000,000,000. */
	AmountIsInRange,
	/** A currency is an ISO 4217 code of three letters, with an amount. */
	CurrencyIsIso4217

}
