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
	ConfirmWhileUnanswered, UnresolvedWhileOpen, AnswerAfterConfirmation, CloseWhenAnsweredOrUnresolved

}
