package org.armstrace.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A fuzz test of what a witness or an auditor hands the verifier: a checkpoint note that
 * is damaged, truncated or made up is refused with the verifier's own exception, never
 * anything else (an index out of bounds, a number format, a decoding error escaping as a
 * crash).
 */
class NoteParsingProperties {

	@Property
	void aDamagedSignedNoteIsRefusedAsANote(@ForAll("damagedNotes") String note) {
		NoteVerifier verifier = NoteVerifier.fromVerifierKey(SignedNoteTests.GO_VERIFIER_KEY);
		Throwable thrown = catchThrowable(() -> Checkpoint.parse(verifier.verify(note)));
		assertThat(thrown).as(note).isInstanceOfAny(InvalidNoteException.class, IllegalArgumentException.class);
	}

	@Property
	void aMadeUpCheckpointBodyIsRefusedAsABadCheckpoint(@ForAll("bodies") String body) {
		Throwable thrown = catchThrowable(() -> Checkpoint.parse(body));
		assertThat(thrown).as(body)
			.satisfiesAnyOf(t -> assertThat(t).isNull(),
					t -> assertThat(t).isInstanceOf(IllegalArgumentException.class));
	}

	@Provide
	Arbitrary<String> damagedNotes() {
		String good = SignedNoteTests.GO_NOTE;
		return Arbitraries
			.oneOf(Arbitraries.integers().between(0, good.length()).map(n -> good.substring(0, n)), Arbitraries
				.integers()
				.between(0, good.length() - 1)
				.flatMap(at -> Arbitraries.chars().all().map(c -> good.substring(0, at) + c + good.substring(at + 1))),
					Arbitraries.strings().all().ofMaxLength(400),
					Arbitraries.strings().withChars("\n—+/=ABCabc0123 ").ofMaxLength(300));
	}

	@Provide
	Arbitrary<String> bodies() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
				Arbitraries.strings().withChars("\n0123456789-+=/abcXYZ. ").ofMaxLength(120),
				Arbitraries.of("o\n-1\nAAAA\n", "o\n99999999999999999999999\nAAAA\n", "\n\n\n", "o\n1\n!!!\n"));
	}

}
