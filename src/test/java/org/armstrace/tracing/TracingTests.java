package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;

import org.armstrace.DatabaseTest;
import org.armstrace.registry.CommandResult;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A small hand-made registry and damaged readings of it, with the rank, band and reasons each must get. */
@DatabaseTest
class TracingTests {

	@Autowired
	FirearmCommands firearms;

	@Autowired
	Tracing tracing;

	/** A prefix no other test uses, so that this corpus is alone with its near neighbours. */
	String t;

	String glock;

	String glockNeighbour;

	String smithAndWesson;

	@BeforeEach
	void corpus() {
		t = "W" + (1000 + new Random().nextInt(9000)) + "X";
		glock = register("Glock", "AUT", t + "AB123456", "9x19mm");
		glockNeighbour = register("Glock", "AUT", t + "AB123457", "9x19mm");
		register("Glock", "AUT", t + "AB123465", "9x19mm");
		smithAndWesson = register("S&W", "USA", t + "AB-123456", ".357 Magnum");
		register("Beretta", "ITA", t + "CD777111", "9x19mm");
		tracing.catchUp();
	}

	@Test
	void anExactReadingWithItsMakeIsExactAndFirst() {
		List<Candidate> found = match(t.toLowerCase() + "ab-123 456", "Glock");
		assertThat(found.getFirst().firearmId()).isEqualTo(glock);
		assertThat(found.getFirst().band()).isEqualTo(Candidate.Band.EXACT);
		assertThat(found.getFirst().score()).isEqualTo(1.0);
		assertThat(found.getFirst().explanation()).contains("every character read and equal", "make agrees (Glock)");
	}

	@Test
	void readingConfusionsAreProbableAndNamed() {
		List<Candidate> found = match(t + "A8I23456", "Glock");
		assertThat(found.getFirst().firearmId()).isEqualTo(glock);
		assertThat(found.getFirst().band()).isEqualTo(Candidate.Band.PROBABLE);
		assertThat(found.getFirst().explanation()).anyMatch(line -> line.startsWith("'8' read for 'B'"));
	}

	@Test
	void oneTranspositionIsProbable() {
		List<Candidate> found = match(t + "AB124356", "Glock");
		assertThat(found.getFirst().firearmId()).isEqualTo(glock);
		assertThat(found.getFirst().band()).isEqualTo(Candidate.Band.PROBABLE);
	}

	@Test
	void anObliteratedLastCharacterFitsTwoRecordsEquallyAndShowsThemAsATie() {
		List<Candidate> found = match(t + "AB12345?", "Glock");
		assertThat(found.subList(0, 2)).extracting(Candidate::firearmId)
			.containsExactlyInAnyOrder(glock, glockNeighbour);
		assertThat(found.subList(0, 2)).allMatch(Candidate::tie).allMatch(c -> c.band() == Candidate.Band.POSSIBLE);
		assertThat(found.get(0).score()).isEqualTo(found.get(1).score());
	}

	@Test
	void aMissingLeadingPartStillFindsTheRecord() {
		List<Candidate> found = match(t.substring(2) + "AB123456", "Glock");
		assertThat(found.getFirst().firearmId()).isEqualTo(glock);
		assertThat(found.getFirst().band()).isEqualTo(Candidate.Band.POSSIBLE);
		assertThat(found.getFirst().explanation()).anyMatch(line -> line.endsWith("missing at the start"));
	}

	@Test
	void aMakeAliasAgreesAndADifferentMakeCostsItsShare() {
		List<Candidate> found = match(t + "AB123456", "Smith and Wesson");
		assertThat(found.getFirst().firearmId()).isEqualTo(smithAndWesson);
		assertThat(found.getFirst().band()).isEqualTo(Candidate.Band.EXACT);
		Candidate otherMake = found.stream().filter(c -> c.firearmId().equals(glock)).findFirst().orElseThrow();
		assertThat(otherMake.band()).isEqualTo(Candidate.Band.POSSIBLE);
		assertThat(otherMake.score()).isEqualTo(1 - Tracing.DISAGREEING_ATTRIBUTE);
		assertThat(otherMake.explanation()).contains("make differs: observed 'Smith and Wesson', recorded 'Glock'");
	}

	@Test
	void anUnregisteredSerialFindsNothingExactOrProbable() {
		List<Candidate> found = match(t + "ZZ999999", null);
		assertThat(found).noneMatch(c -> c.band() == Candidate.Band.EXACT || c.band() == Candidate.Band.PROBABLE);
	}

	@Test
	void aSerialWithNothingReadableIsRefused() {
		assertThatThrownBy(() -> match("?-*", null)).hasMessageStartingWith("serial:");
	}

	private List<Candidate> match(String serial, String make) {
		return tracing.match(new ObservedMarkings(serial, make, null, null, null, null, null, null), 10);
	}

	private String register(String make, String country, String serial, String calibre) {
		CommandResult result = firearms.register(new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null, make,
				"M", calibre, serial, country, 2015, List.of(), null, null, false, null), "user:test", null);
		return ((CommandResult.Accepted) result).subjectId().toString();
	}


}
