/**
 * The command kernel, the one way any module writes: a command is decided against current
 * state into events or named refusals; the kernel appends the events and projects them in
 * one transaction under the ledger's lock, answering a retry from its idempotency key. It
 * also owns the rule vocabulary ({@link org.armstrace.command.Rule},
 * {@link org.armstrace.command.Refusal}) and turns codes into words in the reader's
 * language ({@link org.armstrace.command.Words}). It rebuilds the projections, and checks
 * them against the ledger ({@link org.armstrace.command.ProjectionChecks}).
 */
package org.armstrace.command;
