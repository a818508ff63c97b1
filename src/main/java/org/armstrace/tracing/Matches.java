package org.armstrace.tracing;

import java.util.List;

import org.armstrace.command.Refusal;

/**
 * What a search by observed markings found: ranked candidates, or why the observation
 * cannot be searched.
 */
public record Matches(List<Candidate> candidates, List<Refusal> refusals) {

	public Matches {
		candidates = List.copyOf(candidates);
		refusals = List.copyOf(refusals);
	}

	static Matches found(List<Candidate> candidates) {
		return new Matches(candidates, List.of());
	}

	static Matches refused(List<Refusal> refusals) {
		return new Matches(List.of(), refusals);
	}

	public boolean refused() {
		return !refusals.isEmpty();
	}

}
