package org.armstrace.command;

import java.util.List;

import org.armstrace.ledger.LedgerEntry;
import org.armstrace.ledger.LedgerEvent;

/**
 * Facts a command has just appended and projected, published to listeners inside the
 * command's transaction: what a listener writes (an outbox row, a nested command) commits
 * or rolls back with the facts that caused it.
 */
public record Appended(List<? extends LedgerEvent> events, List<LedgerEntry> entries) {
}
