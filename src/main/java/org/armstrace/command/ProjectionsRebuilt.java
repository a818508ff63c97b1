package org.armstrace.command;

/**
 * The projections were emptied and refilled from the ledger (up to {@code beforeSeq}, all
 * of it when null), in the transaction that publishes this: what is derived from them
 * (the analytics module's kept counts) must be derived again.
 */
public record ProjectionsRebuilt(Long beforeSeq) {
}
