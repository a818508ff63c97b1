package org.armstrace.tracing;

import java.util.List;

import org.armstrace.command.Refusal;

/**
 * What a search by observed markings found: ranked candidates, or why the observation
 * cannot be searched; {@code indexBehind} is how many ledger entries the candidate index
 * had not yet applied when it searched (0: current), so an empty answer from an index
 * that is behind is never read as "not registered".
 */
public record Matches(List<Candidate> candidates, List<Refusal> refusals, long indexBehind) {

	public Matches {
		candidates = List.copyOf(candidates);
		refusals = List.copyOf(refusals);
	}

	static Matches found(List<Candidate> candidates, long indexBehind) {
		return new Matches(candidates, List.of(), indexBehind);
	}

	static Matches refused(List<Refusal> refusals) {
		return new Matches(List.of(), refusals, 0);
	}

	/** The index had not applied every ledger entry when it searched. */
	public boolean isBehind() {
		return indexBehind > 0;
	}

	public boolean refused() {
		return !refusals.isEmpty();
	}

}
