package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.armstrace.TestWords;
import org.junit.jupiter.api.Test;

class SerialAlignmentTests {

	static SerialAlignment.Fit fit(String observed, String recorded) {
		return SerialAlignment.align(SerialForms.normalise(observed), SerialForms.normalise(recorded));
	}

	@Test
	void spacingCaseAndSeparatorsDoNotMatter() {
		SerialAlignment.Fit fit = fit("ab-123 456", "AB123456");
		assertThat(fit.exact()).isTrue();
		assertThat(fit.score()).isEqualTo(1.0);
	}

	@Test
	void confusableReadingsAreNamedAndCostLittle() {
		SerialAlignment.Fit fit = fit("A8I23O56", "AB123056");
		assertThat(fit.onlyMisread()).isTrue();
		assertThat(fit.confusables()).isEqualTo(3);
		assertThat(TestWords.english(fit.explanation())).contains("'8' read for 'B' at position 2",
				"'I' read for '1' at position 3", "'O' read for '0' at position 6");
		assertThat(fit.score()).isLessThan(1.0)
			.isGreaterThan(fit("AKW23X56", "AB123056").score())
			.isGreaterThan(fit("A8I23O56", "AB12305X").score());
		// each misreading is an event of its own: three usual ones cost more than one
		// unusual one
		assertThat(fit.cost()).isGreaterThan(fit("A6123056", "AB123056").cost());
	}

	@Test
	void oneTranspositionIsAMisreading() {
		SerialAlignment.Fit fit = fit("AB132456", "AB123456");
		assertThat(fit.transpositions()).isEqualTo(1);
		assertThat(fit.onlyMisread()).isTrue();
		assertThat(TestWords.english(fit.explanation())).contains("'23' transposed at positions 4-5");
	}

	@Test
	void aTranspositionWhoseCharactersAreAlsoMisreadIsOneReadingNotTwoDifferences() {
		// "05" transposed and the 5 read as S
		SerialAlignment.Fit both = fit("TG041S02", "TG041052");
		assertThat(both.transpositions()).isEqualTo(1);
		assertThat(both.confusables()).isEqualTo(1);
		assertThat(both.differences()).isZero();
		assertThat(TestWords.english(both.explanation())).contains("'05' transposed at positions 6-7",
				"'S' read for '5' at position 7");
		// one swap and one misreading, far cheaper than the two differences it would be
		// without the swap
		// (other ways to it, two plain differences, count for a little)
		assertThat(both.cost())
			.isCloseTo(SerialAlignment.TRANSPOSITION + SerialAlignment.misreading(0.15), within(0.01))
			.isLessThanOrEqualTo(SerialAlignment.TRANSPOSITION + SerialAlignment.misreading(0.15))
			.isLessThan(2 * SerialAlignment.DIFFERENT);
	}

	@Test
	void twoMisreadingsOfResemblingCharactersFitBetterThanOneCharacterReadAsOneItDoesNotResemble() {
		// "J0239B55" read from "J0289855" (3 for 8, B for 8) or from "J0239755" (B for 7,
		// a pair no source lists): characters are misread as ones they resemble
		SerialAlignment.Fit resembling = fit("J0239B55", "J0289855");
		SerialAlignment.Fit unresembling = fit("J0239B55", "J0239755");
		assertThat(resembling.confusables()).isEqualTo(2);
		assertThat(unresembling.differences()).isEqualTo(1);
		assertThat(resembling.score()).isGreaterThan(unresembling.score());
		assertThat(TestWords.english(unresembling.explanation())).contains("'B' differs from '7' at position 6");
		// one plain difference still fits better than two (3 for 1 and B for 7)
		assertThat(fit("J0239B55", "J0219755").cost()).isGreaterThan(unresembling.cost());
	}

	@Test
	void aRecordThatMoreWaysOfDamageExplainFitsBetter() {
		// "AB21" is one swap from "AB12" and one from "A2B1"; "AB12" could also have had
		// its 1 and 2 each misread as the other (a listed pair), "A2B1" only by two plain
		// differences: not equal evidence
		SerialAlignment.Fit digits = fit("AB21", "AB12");
		SerialAlignment.Fit letters = fit("AB21", "A2B1");
		assertThat(digits.transpositions()).isEqualTo(1);
		assertThat(letters.transpositions()).isEqualTo(1);
		assertThat(digits.cost()).isLessThan(letters.cost()).isLessThan(SerialAlignment.TRANSPOSITION);
		assertThat(digits.cost()).isGreaterThan(SerialAlignment.TRANSPOSITION - 0.01);
		// the example docs/tracing.md works through
		assertThat(fit("3821", "8321").cost()).isCloseTo(0.3404, within(0.0001));
		assertThat(fit("3821", "3812").cost()).isCloseTo(0.3486, within(0.0001));
		// an exact reading stays exact, and so does the cost of one that needs a
		// character added or dropped
		assertThat(fit("AB12", "AB12").cost()).isZero();
		assertThat(fit("AB12", "AB12").score()).isEqualTo(1.0);
		assertThat(fit("B12", "AB12").cost()).isEqualTo(SerialAlignment.MISSING_EDGE);
	}

	@Test
	void unreadableCharactersAndRunsAreAcceptedButNotExact() {
		SerialAlignment.Fit one = fit("AB12?456", "AB123456");
		assertThat(one.exact()).isFalse();
		assertThat(one.unreadable()).isEqualTo(1);
		assertThat(one.differences()).isZero();
		SerialAlignment.Fit run = fit("AB*56", "AB123456");
		assertThat(run.run()).isTrue();
		assertThat(run.differences()).isZero();
		assertThat(run.score()).isGreaterThan(0.5);
	}

	@Test
	void aMissingLeadingPartCostsLessThanADifference() {
		SerialAlignment.Fit missing = fit("123456", "AB123456");
		assertThat(missing.missingEdges()).isEqualTo(2);
		assertThat(TestWords.english(missing.explanation())).contains("'A' missing at the start",
				"'B' missing at the start");
		assertThat(missing.score()).isGreaterThan(fit("XY123456", "AB123456").score());
	}

	@Test
	void aLikelyMisreadingCostsLessThanAnUnlikelyOneAndFarLessThanADifference() {
		SerialAlignment.Fit sevenForOne = fit("AB123457", "AB123451");
		SerialAlignment.Fit twoForOne = fit("AB123452", "AB123451");
		SerialAlignment.Fit nineForOne = fit("AB123459", "AB123451");
		assertThat(sevenForOne.score()).isGreaterThan(twoForOne.score());
		assertThat(twoForOne.score()).isGreaterThan(nineForOne.score());
		assertThat(sevenForOne.confusables()).isEqualTo(1);
		assertThat(nineForOne.differences()).isEqualTo(1);
		assertThat(fit("AB12345O", "AB123450").score()).isGreaterThan(sevenForOne.score());
	}

	@Test
	void aStateTunesTheTableAndAWrongLineIsRefusedByNumber() {
		Confusions tuned = Confusions.of(List.of("# ours", "7 1 0.05", "2 1 0.9"));
		assertThat(tuned.cost('7', '1')).isEqualTo(0.05);
		assertThat(tuned.cost('1', '7')).isEqualTo(0.05);
		assertThat(tuned.cost('O', '0')).isEqualTo(Confusions.UNLISTED);
		assertThat(SerialAlignment.align("AB7", "AB1", tuned).score())
			.isGreaterThan(SerialAlignment.align("AB7", "AB1").score());
		assertThatThrownBy(() -> Confusions.of(List.of("0 O 0.1", "7 one 0.2"))).hasMessageContaining("line 2");
		assertThatThrownBy(() -> Confusions.of(List.of("7 1 1.5"))).hasMessageContaining("line 1");
	}

	@Test
	void aDifferentSerialScoresLow() {
		SerialAlignment.Fit other = fit("ZX998877", "AB123456");
		assertThat(other.score()).isLessThan(0.3);
		assertThat(other.onlyMisread()).isFalse();
	}

}
