package org.armstrace.tracing;

import java.util.List;

import org.armstrace.command.Wording;

/**
 * What a trace answer says when the candidate index had not applied every ledger entry:
 * how many, and that a record registered in them may be missing from the candidates.
 */
public record IndexLag(long entries) implements Wording {

	@Override
	public String messageKey() {
		return "trace.indexBehind";
	}

	@Override
	public List<String> arguments() {
		return List.of(Long.toString(entries));
	}

}
