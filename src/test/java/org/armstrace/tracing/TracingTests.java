package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.armstrace.DatabaseTest;
import org.armstrace.TestWords;
import org.armstrace.command.CommandResult;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.HolderCommands;
import org.armstrace.registry.HolderRole;
import org.armstrace.registry.PartCommands;
import org.armstrace.registry.PartKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A small hand-made registry and damaged readings of it, with the rank, band and reasons
 * each must get.
 */
@DatabaseTest
class TracingTests {

	@Autowired
	FirearmCommands firearms;

	@Autowired
	Tracing tracing;

	@Autowired
	HolderCommands holders;

	@Autowired
	PartCommands parts;

	/**
	 * A prefix no other test uses, so that this corpus is alone with its near neighbours.
	 */
	String t;

	private static final Random RANDOM = new Random();

	private static final Set<Integer> USED = ConcurrentHashMap.newKeySet();

	String glock;

	String glockNeighbour;

	String smithAndWesson;

	@BeforeEach
	void corpus() {
		// a random prefix (so that two corpora are rarely near neighbours) whose last
		// three digits no other test of the run drew: two corpora sharing them are
		// equal once the leading part is missing, and tie in that test
		int lastDigits = RANDOM.nextInt(1000);
		while (!USED.add(lastDigits)) {
			lastDigits = RANDOM.nextInt(1000);
		}
		t = "W" + (1 + RANDOM.nextInt(9)) + "%03d".formatted(lastDigits) + "X";
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
		assertThat(TestWords.english(found.getFirst().explanation())).contains("every character read and equal",
				"make agrees (Glock)");
	}

	@Test
	void aReadingConfusionIsProbableAndNamedAndTwoAreOnlyPossible() {
		List<Candidate> found = match(t + "A8123456", "Glock");
		assertThat(found.getFirst().firearmId()).isEqualTo(glock);
		assertThat(found.getFirst().band()).isEqualTo(Candidate.Band.PROBABLE);
		assertThat(TestWords.english(found.getFirst().explanation()))
			.anyMatch(line -> line.startsWith("'8' read for 'B'"));
		List<Candidate> twice = match(t + "A8I23456", "Glock");
		assertThat(twice.getFirst().firearmId()).isEqualTo(glock);
		assertThat(twice.getFirst().band()).isEqualTo(Candidate.Band.POSSIBLE);
		assertThat(TestWords.english(twice.getFirst().explanation()))
			.anyMatch(line -> line.startsWith("'8' read for 'B'"))
			.anyMatch(line -> line.startsWith("'I' read for '1'"));
	}

	@Test
	void oneUnusualMisreadingFitsBetterThanTwoUsualOnes() {
		// 'O' read for '6' (rare) on one record, or '6' read for '0' and 'O' for '0'
		// (each usual) on another: one misreading is likelier than two
		String one = register("Glock", "AUT", t + "F0297696", "9x19mm");
		String two = register("Glock", "AUT", t + "F0297090", "9x19mm");
		tracing.catchUp();
		List<Candidate> found = match(t + "F029769O", "Glock");
		assertThat(found.getFirst().firearmId()).isEqualTo(one);
		assertThat(found).extracting(Candidate::firearmId).contains(two);
		assertThat(found.getFirst().tie()).isFalse();
	}

	@Test
	void ofTwoRecordsOneSwapAwayTheOneWhoseCharactersAreAlsoMisreadAsEachOtherComesFirst() {
		// "3821" is "8321" with its 8 and 3 swapped, and "3812" with its 1 and 2 swapped;
		// a worn 3 and 8 are also often misread as each other, a 1 and a 2 seldom: more
		// ways lead from the first record to the reading, so it is no tie
		String eightThree = register("Glock", "AUT", t + "QA8321", "9x19mm");
		String oneTwo = register("Glock", "AUT", t + "QA3812", "9x19mm");
		tracing.catchUp();
		List<Candidate> found = match(t + "QA3821", "Glock");
		assertThat(found.subList(0, 2)).extracting(Candidate::firearmId).containsExactly(eightThree, oneTwo);
		assertThat(found.getFirst().tie()).isFalse();
		assertThat(found.get(1).score()).isLessThan(found.getFirst().score());
		assertThat(TestWords.english(found.getFirst().explanation()))
			.anyMatch(line -> line.startsWith("'83' transposed"));
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
	void aMissingLeadingPartStillFindsTheRecordAndOnlyOneSerialEndingSoIsProbable() {
		List<Candidate> found = match(t.substring(2) + "AB123456", "Glock");
		assertThat(found.getFirst().firearmId()).isEqualTo(glock);
		assertThat(found.getFirst().band()).isEqualTo(Candidate.Band.PROBABLE);
		assertThat(TestWords.english(found.getFirst().explanation()))
			.anyMatch(line -> line.endsWith("missing at the start"));
	}

	@Test
	void aMakeAliasAgreesAndADifferentMakeCostsItsShare() {
		// every candidate: other tests' corpora of the same make may rank above the other
		// make's record
		List<Candidate> found = matchAll(t + "AB123456", "Smith and Wesson");
		assertThat(found.getFirst().firearmId()).isEqualTo(smithAndWesson);
		assertThat(found.getFirst().band()).isEqualTo(Candidate.Band.EXACT);
		Candidate otherMake = found.stream().filter(c -> glock.equals(c.firearmId())).findFirst().orElseThrow();
		assertThat(otherMake.band()).isEqualTo(Candidate.Band.POSSIBLE);
		assertThat(otherMake.score()).isEqualTo(1 - Tracing.DISAGREEING_ATTRIBUTE);
		assertThat(TestWords.english(otherMake.explanation()))
			.contains("make differs: observed 'Smith and Wesson', recorded 'Glock'");
	}

	@Test
	void anUnregisteredSerialFindsNothingExactOrProbable() {
		List<Candidate> found = match(t + "ZZ999999", null);
		assertThat(found).noneMatch(c -> c.band() == Candidate.Band.EXACT || c.band() == Candidate.Band.PROBABLE);
	}

	@Test
	void aMissingTrailingCharacterAndSeparatorsStillFindTheRecord() {
		List<Candidate> found = match(t + " cd-77711", "Beretta");
		assertThat(found.getFirst().serial()).isEqualTo(t + "CD777111");
		assertThat(TestWords.english(found.getFirst().explanation()))
			.anyMatch(line -> line.endsWith("missing at the end"));
	}

	@Test
	void anUnreadableRunMatchesAnyNumberOfCharacters() {
		List<Candidate> found = matchAll(t + "AB*456", "Glock");
		assertThat(found.getFirst().firearmId()).isEqualTo(glock);
		assertThat(found.getFirst().band()).isEqualTo(Candidate.Band.POSSIBLE);
		Candidate otherMake = found.stream()
			.filter(c -> smithAndWesson.equals(c.firearmId()))
			.findFirst()
			.orElseThrow();
		assertThat(otherMake.score()).isLessThan(found.getFirst().score());
	}

	@Test
	void aReadingThreeCharactersAwayIsFoundThroughTheCharactersItShares() {
		// two characters misread beyond the confusion model and one more: past two edits,
		// so only the widened search (shared 3-grams) reaches the record
		List<Candidate> found = match(t + "KP777111Q", "Beretta");
		assertThat(found.getFirst().serial()).isEqualTo(t + "CD777111");
		assertThat(found.getFirst().band()).isEqualTo(Candidate.Band.POSSIBLE);
	}

	@Test
	void aMisspeltMakeIsReadAsTheCatalogueMakeItIsClosestTo() {
		List<Candidate> found = match(t + "AB123456", "Glok");
		assertThat(found.getFirst().firearmId()).isEqualTo(glock);
		assertThat(found.getFirst().band()).isEqualTo(Candidate.Band.EXACT);
		assertThat(TestWords.english(found.getFirst().explanation())).contains("make agrees (Glock)");
	}

	@Test
	void aTransposedReadingThatIsItselfASerialOfARegisteredSeriesIsOnlyPossible() {
		String series = t + "SR1000";
		String registered = register("Glock", "AUT", series + "21", "9x19mm");
		register("Glock", "AUT", series + "13", "9x19mm");
		tracing.catchUp();

		// "...12" is one transposition from "...21", but "...13" next to it says it may
		// be an unregistered item
		Candidate top = match(series + "12", "Glock").getFirst();

		assertThat(top.firearmId()).isEqualTo(registered);
		assertThat(top.band()).isEqualTo(Candidate.Band.POSSIBLE);
		assertThat(TestWords.english(top.explanation()))
			.anyMatch(line -> line.startsWith("the reading itself falls within a registered " + "series"));
	}

	@Test
	void anImportMarkingThatAgreesIsNamedAndOneThatDiffersCosts() {
		String imported = register("Glock", "AUT", t + "IM5000", "9x19mm");
		UUID importer = CustodyChainTests.ok(holders.register(
				new HolderCommands.RegisterHolder(HolderRole.DEALER, "Synthetic Importer", null, "AUT", "LIC-IMP"),
				"user:test", null));
		CustodyChainTests.ok(firearms.export(UUID.fromString(imported),
				new FirearmCommands.ExportFirearm("DEU", List.of(), "EXP-1", LocalDate.of(2020, 1, 1)), "user:test",
				null));
		CustodyChainTests.ok(firearms.importFirearm(UUID.fromString(imported),
				new FirearmCommands.ImportFirearm("DEU", importer, 2021, false, "IMP-1", LocalDate.of(2021, 1, 1)),
				"user:test", null));
		tracing.catchUp();

		Candidate agrees = tracing
			.match(new ObservedMarkings(t + "IM5000", "Glock", null, null, null, null, "AUT 2021", null, null), 10)
			.candidates()
			.getFirst();
		Candidate differs = tracing
			.match(new ObservedMarkings(t + "IM5000", "Glock", null, null, null, null, "FRA 2020", null, null), 10)
			.candidates()
			.getFirst();

		assertThat(TestWords.english(agrees.explanation())).anyMatch(line -> line.startsWith("import marking agrees"));
		assertThat(agrees.band()).isEqualTo(Candidate.Band.EXACT);
		assertThat(differs.band()).isEqualTo(Candidate.Band.POSSIBLE);
		assertThat(differs.score()).isEqualTo(1 - Tracing.DISAGREEING_ATTRIBUTE);
	}

	@Test
	void aMarkedPartIsACandidateAndLeadsToTheFirearmItIsFittedTo() {
		UUID slide = CustodyChainTests.ok(parts.register(new PartCommands.RegisterPart(PartKind.SLIDE, "Glock",
				"9x19mm", t + "SL777", "AUT", List.of(), null, null), "user:test", null));
		CustodyChainTests
			.ok(parts.fit(slide, new PartCommands.FitPart(UUID.fromString(glock), null), "user:test", null));
		tracing.catchUp();

		Candidate top = match(t + "SL77?", "Glock").getFirst();

		assertThat(top.isPart()).isTrue();
		assertThat(top.partId()).isEqualTo(slide.toString());
		assertThat(top.partKind()).isEqualTo("SLIDE");
		assertThat(top.firearmId()).isEqualTo(glock);
		assertThat(TestWords.english(top.explanation())).contains("a marked slide, fitted to a firearm on record");
	}

	@Test
	void aReadingTypedInLookAlikeCyrillicOrFullwidthCharactersIsTheSameMark() {
		// "АВ" in Cyrillic, and the whole serial in fullwidth forms, as a keyboard of
		// another script types them
		String cyrillic = t + "\u0410\u0412123456";
		StringBuilder fullwidth = new StringBuilder();
		(t + "AB123456").chars().forEach(c -> fullwidth.append((char) (c - 0x21 + 0xFF01)));

		assertThat(match(cyrillic, "Glock").getFirst()).satisfies(top -> {
			assertThat(top.firearmId()).isEqualTo(glock);
			assertThat(top.band()).isEqualTo(Candidate.Band.EXACT);
		});
		assertThat(match(fullwidth.toString(), "Glock").getFirst()).satisfies(top -> {
			assertThat(top.firearmId()).isEqualTo(glock);
			assertThat(top.band()).isEqualTo(Candidate.Band.EXACT);
		});
	}

	@Test
	void aSerialWithNothingReadableIsRefused() {
		Matches refused = tracing.match(ObservedMarkings.ofSerial("?-*", null), 10);
		assertThat(refused.refused()).isTrue();
		assertThat(refused.refusals()).extracting(r -> r.field() + ":" + r.rule())
			.containsExactly("serial:SerialReadable");
		assertThat(TestWords.english(refused.refusals().getFirst())).startsWith("serial:");
	}

	@Test
	void amongTheNeighboursOfAProductionRunTheLikelierMisreadingComesFirstAndIsNoTie() {
		String run = t + "PR4471";
		String one = null;
		for (int d = 0; d <= 9; d++) {
			if (d != 7) {
				String id = register("Glock", "AUT", run + d, "9x19mm");
				one = d == 1 ? id : one;
			}
		}
		tracing.catchUp();

		// "...7" is no serial on record: a worn 1 reads as 7 far more often than a 2, 3
		// ... does
		List<Candidate> found = match(run + "7", "Glock");

		assertThat(found.getFirst().firearmId()).isEqualTo(one);
		assertThat(found.getFirst().tie()).isFalse();
		assertThat(found.get(1).score()).isLessThan(found.getFirst().score());
		assertThat(TestWords.english(found.getFirst().explanation()))
			.contains("'7' read for '1' at position " + (run.length() + 1));
	}

	@Test
	void theFirstAnswersAreTheSameWhateverNumberIsAskedFor() {
		// a production run shared by two makes and two calibres: the records of the other
		// make or calibre score less than their serials alone would, so what is loaded to
		// rank the first answers must allow for that
		String run = t + "LM30";
		for (int d = 0; d <= 9; d++) {
			if (d != 7) {
				register(d % 3 == 0 ? "Beretta" : "Glock", d % 3 == 0 ? "ITA" : "AUT", run + d + "5",
						d % 2 == 0 ? "9x19mm" : ".40 S&W");
			}
		}
		tracing.catchUp();
		ObservedMarkings observed = new ObservedMarkings(run + "75", "Glock", null, ".40 S&W", null, null, null, null,
				null);

		List<Candidate> all = tracing.match(observed, Tracing.MAX_LIMIT).candidates();

		assertThat(all).hasSizeGreaterThan(6);
		for (int limit = 1; limit <= 6; limit++) {
			assertThat(tracing.match(observed, limit).candidates()).as("the first %d", limit)
				.isEqualTo(all.subList(0, limit));
		}
	}

	@Test
	void twoCorruptionsOfDifferentKindsAreFoundTogether() {
		String registered = register("Glock", "AUT", t + "KM4471203", "9x19mm");
		register("Glock", "AUT", t + "KM5580314", "9x19mm");
		tracing.catchUp();

		// M read as N and 71 transposed; a missing leading part and 2 read as 7; an
		// obliterated character and 3 read as 8
		assertThat(match(t + "KN4417203", "Glock").getFirst().firearmId()).isEqualTo(registered);
		assertThat(match(t.substring(3) + "KM4471703", "Glock").getFirst().firearmId()).isEqualTo(registered);
		assertThat(match(t + "KM4?71208", "Glock").getFirst().firearmId()).isEqualTo(registered);
	}

	@Test
	void whereTheSerialFitsTwoRecordsEquallyTheAttributeThatAgreesDecidesAndIsNamed() {
		String nine = register("Glock", "AUT", t + "EV100", "9x19mm");
		String forty = register("Glock", "AUT", t + "EV109", ".40 S&W");
		tracing.catchUp();

		Candidate top = tracing
			.match(new ObservedMarkings(t + "EV10?", "Glock", null, ".40 S&W", null, null, null, null, null), 10)
			.candidates()
			.getFirst();

		assertThat(top.firearmId()).isEqualTo(forty).isNotEqualTo(nine);
		assertThat(top.tie()).isFalse();
		assertThat(TestWords.english(top.explanation())).anyMatch(line -> line.startsWith("the serial fits record")
				&& line.endsWith("calibre agree(s) here and not there"));
	}

	private List<Candidate> match(String serial, String make) {
		return tracing.match(ObservedMarkings.ofSerial(serial, make), 10).candidates();
	}

	private List<Candidate> matchAll(String serial, String make) {
		return tracing.match(ObservedMarkings.ofSerial(serial, make), Tracing.MAX_LIMIT).candidates();
	}

	private String register(String make, String country, String serial, String calibre) {
		CommandResult result = firearms.register(new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null, make,
				"M", calibre, serial, country, 2015, List.of(), null, null, false, null), "user:test", null);
		return ((CommandResult.Accepted) result).subjectId().toString();
	}

}
