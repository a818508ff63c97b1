package org.armstrace.tracing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.armstrace.command.Wording;

/**
 * Where a firearm's legal chain ran and where it left it: the legal holders in order,
 * every fact between them, the last legal holder, the point of diversion, the time from
 * first retail sale to recovery, and the flags a tracing officer acts on. Holders appear
 * by id and role; names are read for display, never frozen into an answer. Facts and
 * flags are codes with their values, put into words in the reader's language; an answer
 * frozen before codes existed (schema version 1) keeps the English sentence it was
 * answered with in {@code description} and {@code detail}.
 */
public record CustodyChain(UUID firearmId, String recordNumber, List<LegalHolder> holders, List<ChainEvent> events,
		LegalHolder lastLegalHolder, ChainEvent pointOfDiversion, RetailSale firstRetailSale, LocalDate recoveredOn,
		Long timeToCrimeDays, List<Flag> flags) {

	/**
	 * One holder in the legal chain, from the fact that gave them the firearm to the one
	 * that took it away.
	 */
	public record LegalHolder(UUID holderId, String role, String country, LocalDate from, LocalDate until,
			String acquiredBy) {
	}

	/**
	 * One fact of the firearm's life as the chain reads it; {@code legal} is false for
	 * recovery and seizure.
	 *
	 * @param fact what happened, with {@code values} (null in a version 1 answer)
	 * @param description the English sentence of a version 1 answer (null since)
	 */
	public record ChainEvent(long ledgerSeq, String type, LocalDate occurredOn, Fact fact, List<String> values,
			boolean legal, String description) implements Wording {

		public ChainEvent {
			values = values == null ? List.of() : List.copyOf(values);
		}

		@Override
		public String messageKey() {
			return fact == null ? "chain.in-words" : "chain.fact." + fact;
		}

		@Override
		public List<String> arguments() {
			return fact == null ? List.of(description == null ? "" : description) : values;
		}

	}

	/**
	 * The kinds of fact a chain shows; a holder is named by role and id ({@code {role}
	 * {id}}).
	 */
	public enum Fact {

		/** make, country. */
		MANUFACTURED,
		/** make, country, holder role, holder id. */
		MANUFACTURED_HELD_BY,
		/** legacy reference, legacy status. */
		LEGACY_TAKEN_OVER,
		/** legacy reference, legacy status, holder role, holder id. */
		LEGACY_TAKEN_OVER_HELD_BY,
		/** the marking's text. */
		MARKED,
		/** country, importer role, importer id. */
		IMPORTED,
		/** country. */
		EXPORTED,
		/** country, transit countries. */
		EXPORTED_THROUGH,
		/** from country, to country. */
		IN_TRANSIT,
		/** seller role, seller id, buyer role, buyer id: from the trade to anyone. */
		SOLD,
		/** from role, from id, to role, to id. */
		TRANSFERRED,
		/** reporter role, reporter id. */
		REPORTED_LOST,
		/** reporter role, reporter id. */
		REPORTED_STOLEN,
		/** authority. */
		RECOVERED,
		/** authority. */
		SEIZED,
		/** authority, case reference. */
		SEIZED_IN_CASE,
		/** certificate number. */
		DEACTIVATED,
		/** new type. */
		CONVERTED, CLASSIFIED,
		/** method. */
		DESTROYED,
		/** authority. */
		FOUND_AFTER_DESTRUCTION

	}

	/**
	 * The first transfer from the trade (dealer or manufacturer) to an end user: where
	 * time-to-crime starts.
	 */
	public record RetailSale(UUID dealerId, UUID buyerId, LocalDate occurredOn) {
	}

	/**
	 * A flag with what raised it.
	 *
	 * @param reason why, with {@code values} (null in a version 1 answer)
	 * @param detail the English sentence of a version 1 answer (null since)
	 */
	public record Flag(FlagKind kind, FlagReason reason, List<String> values, String detail) implements Wording {

		public Flag {
			values = values == null ? List.of() : List.copyOf(values);
		}

		static Flag of(FlagKind kind, FlagReason reason, Object... values) {
			return new Flag(kind, reason, Arrays.stream(values).map(String::valueOf).toList(), null);
		}

		@Override
		public String messageKey() {
			return reason == null ? "chain.in-words" : "chain.flag." + reason;
		}

		@Override
		public List<String> arguments() {
			return reason == null ? List.of(detail == null ? "" : detail) : values;
		}

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
		/**
		 * The observed serial has characters that are unreadable or missing: the marking
		 * was removed in part.
		 */
		MARKING_OBLITERATED,
		/**
		 * The observed markings differ from the recorded ones beyond what reading
		 * explains.
		 */
		MARKING_ALTERED,
		/**
		 * Time from first retail sale to recovery under the short time-to-crime limit.
		 */
		SHORT_TIME_TO_CRIME,
		/** The dealer of the first retail sale has many short time-to-crime traces. */
		DEALER_WITH_MANY_SHORT_TIME_TO_CRIME_TRACES

	}

	/** What raised a flag; the values each takes are listed with it. */
	public enum FlagReason {

		/** reported on. */
		REPORTED_LOST,
		/** reported on. */
		REPORTED_STOLEN,
		/** reported on, police report. */
		REPORTED_STOLEN_WITH_REPORT,
		/** country, exported on. */
		EXPORTED_NOT_RE_IMPORTED, RECORDED_DESTROYED, RECORDED_DEACTIVATED,
		/** observed serial, recorded serial, characters unreadable or missing. */
		SERIAL_PARTLY_UNREADABLE,
		/** observed serial, recorded serial, characters unreadable or missing. */
		SERIAL_PARTLY_UNREADABLE_WITH_RUN,
		/** observed serial, recorded serial, characters that differ. */
		SERIAL_DIFFERS,
		/** days, limit. */
		TIME_TO_CRIME_UNDER_LIMIT,
		/** traces, limit, threshold. */
		DEALER_SHORT_TRACES_OVER_THRESHOLD

	}

	public boolean has(FlagKind kind) {
		return flags.stream().anyMatch(f -> f.kind() == kind);
	}

}
