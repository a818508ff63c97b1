package org.armstrace.tracing;

import java.util.List;

/**
 * A record that may be the observed item: how well it fits (score in [0, 1]), the band an
 * officer reads first, whether it ties with its neighbour, and why, as coded reasons. The
 * item is a firearm, or a marked essential part ({@code partId} and {@code partKind} set;
 * {@code firearmId} is then the firearm it is fitted to, if any).
 */
public record Candidate(String firearmId, String recordNumber, String legacyReference, String serial, String make,
		String model, String calibre, String type, String countryOfManufacture, Integer year, double score, Band band,
		boolean tie, List<Reason> explanation, String partId, String partKind) {

	public boolean isPart() {
		return partId != null;
	}

	public enum Band {

		/**
		 * Every character read and equal after normalisation, and the attributes agree.
		 */
		EXACT,
		/**
		 * Differs only by reading confusions or one transposition, and the attributes
		 * agree.
		 */
		PROBABLE,
		/**
		 * Anything else: unreadable characters, a missing part, a differing attribute, or
		 * an equal fit.
		 */
		POSSIBLE

	}

}
