package org.armstrace.tracing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Where a firearm's legal chain ran and where it left it: the legal holders in order, every fact between them,
 * the last legal holder, the point of diversion, the time from first retail sale to recovery, and the flags a
 * tracing officer acts on. Holders appear by id and role; names are read for display, never frozen into an answer.
 */
public record CustodyChain(UUID firearmId, String recordNumber, List<LegalHolder> holders, List<ChainEvent> events,
		LegalHolder lastLegalHolder, ChainEvent pointOfDiversion, RetailSale firstRetailSale, LocalDate recoveredOn,
		Long timeToCrimeDays, List<Flag> flags) {

	/** One holder in the legal chain, from the fact that gave them the firearm to the one that took it away. */
	public record LegalHolder(UUID holderId, String role, String country, LocalDate from, LocalDate until,
			String acquiredBy) {
	}

	/** One fact of the firearm's life as the chain reads it; {@code legal} is false for recovery and seizure. */
	public record ChainEvent(long ledgerSeq, String type, LocalDate occurredOn, String description, boolean legal) {
	}

	/** The first transfer from the trade (dealer or manufacturer) to an end user: where time-to-crime starts. */
	public record RetailSale(UUID dealerId, UUID buyerId, LocalDate occurredOn) {
	}

	public record Flag(FlagKind kind, String detail) {
	}

	public enum FlagKind {
		/** Reported lost or stolen and not recovered before it was found. */
		LOST_OR_STOLEN,
		/** Legally exported, not re-imported, yet found in the country. */
		RE_ENTRY,
		/** Recorded destroyed, yet found. */
		FOUND_AFTER_DESTRUCTION,
		/** Recorded deactivated, yet found: it may have been reactivated. */
		FOUND_AFTER_DEACTIVATION,
		/** The observed serial has characters that are unreadable or missing: the marking was removed in part. */
		MARKING_OBLITERATED,
		/** The observed markings differ from the recorded ones beyond what reading explains. */
		MARKING_ALTERED,
		/** Time from first retail sale to recovery under the short time-to-crime limit. */
		SHORT_TIME_TO_CRIME,
		/** The dealer of the first retail sale has many short time-to-crime traces. */
		DEALER_WITH_MANY_SHORT_TIME_TO_CRIME_TRACES
	}

	public boolean has(FlagKind kind) {
		return flags.stream().anyMatch(f -> f.kind() == kind);
	}

}
