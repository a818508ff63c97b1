package org.armstrace.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.armstrace.benchmark.BenchmarkQueries.Kind;
import org.armstrace.tracing.SerialForms;
import org.junit.jupiter.api.Test;

/**
 * The ideal observer's model of the benchmark's damage is the benchmark's own: the
 * chances it gives each reading are the frequencies with which the benchmark draws it,
 * and it picks the record likeliest to have given the reading.
 */
class IdealObserverTests {

	private static final List<Kind> MODELLED = List.of(Kind.CONFUSION_1, Kind.CONFUSION_2, Kind.TRANSPOSITION_1,
			Kind.TRANSPOSITION_2, Kind.MISSING_LEADING_1, Kind.MISSING_LEADING_2);

	@Test
	void theChanceOfEachReadingIsHowOftenTheBenchmarkDrawsIt() {
		SplittableRandom random = new SplittableRandom(14);
		for (String serial : List.of("BK004512", "2019-004512", "0512345", "004512DX", "HX7731")) {
			String normalised = SerialForms.normalise(serial);
			IdealObserver observer = new IdealObserver((s, make) -> List.of(),
					end -> normalised.endsWith(end) && normalised.length() > end.length() ? List.of(normalised)
							: List.of());
			for (Kind kind : MODELLED) {
				int draws = 60_000;
				Map<String, Integer> seen = new HashMap<>();
				for (int i = 0; i < draws; i++) {
					seen.merge(BenchmarkQueries.corrupt(kind, serial, random), 1, Integer::sum);
				}
				double total = 0;
				for (Map.Entry<String, Integer> reading : seen.entrySet()) {
					double chance = IdealObserver.likelihood(kind, reading.getKey(), normalised);
					assertThat(chance).as("%s %s → %s", kind, serial, reading.getKey())
						.isCloseTo((double) reading.getValue() / draws, within(0.006));
					assertThat(observer.sources(kind, reading.getKey())).as("%s %s", kind, reading.getKey())
						.contains(normalised);
					total += chance;
				}
				// no reading it draws is missing from the model
				assertThat(total).as("%s %s", kind, serial).isCloseTo(1.0, within(0.01));
			}
		}
	}

	@Test
	void theLikelierSourceIsFirstAndEqualOnesAreATie() {
		// "B0O1" read from "B001" (0/O, a pair every source names: drawn twice as
		// often), from "B0Q1" (O/Q: Q has three published alternatives) or from "B0C1"
		// (C/O: C has five)
		List<String> serials = List.of("B001", "B0Q1", "B0C1", "AB12", "A2B1");
		IdealObserver observer = new IdealObserver(
				(serial, make) -> serials.contains(serial) ? List.of(serials.indexOf(serial)) : List.of(),
				end -> List.of());
		assertThat(observer.findsFirst(Kind.CONFUSION_1, "B0O1", "Glock", 0, row -> 1)).isTrue();
		assertThat(observer.findsFirst(Kind.CONFUSION_1, "B0O1", "Glock", 1, row -> 1)).isFalse();
		// the notes rule the likeliest out: then the one with fewer alternatives
		assertThat(observer.findsFirst(Kind.CONFUSION_1, "B0O1", "Glock", 1, row -> row == 0 ? 0 : 1)).isTrue();
		assertThat(observer.findsFirst(Kind.CONFUSION_1, "B0O1", "Glock", 2, row -> row == 0 ? 0 : 1)).isFalse();
		// "AB21" is one swap of "AB12" and one of "A2B1", each with three places to swap:
		// a tie, first for neither
		assertThat(observer.findsFirst(Kind.TRANSPOSITION_1, "AB21", "Glock", 3, row -> 1)).isFalse();
		assertThat(observer.findsFirst(Kind.TRANSPOSITION_1, "AB21", "Glock", 4, row -> 1)).isFalse();
		assertThat(observer.findsFirst(Kind.TRANSPOSITION_1, "AB21", "Glock", 4, row -> row == 3 ? 0.5 : 1)).isTrue();
	}

	@Test
	void notKnowingTheDamageALikelySwapCanOutweighAConfusion() {
		// "K0G47" is "K0047" with 0 read as G (a published pair, not one every source
		// names), or "KG047" with its second and third characters swapped: one swap of
		// four is likelier than that confusion (the benchmark draws as many of each kind)
		List<String> serials = List.of("K0047", "KG047");
		IdealObserver observer = new IdealObserver(
				(serial, make) -> serials.contains(serial) ? List.of(serials.indexOf(serial)) : List.of(),
				end -> List.of());
		assertThat(observer.findsFirst(Kind.CONFUSION_1, "K0G47", "Glock", 0, row -> 1)).isTrue();
		assertThat(observer.findsFirstNotKnowingTheDamage("K0G47", "Glock", 0, row -> 1)).isFalse();
		assertThat(observer.findsFirstNotKnowingTheDamage("K0G47", "Glock", 1, row -> 1)).isTrue();
		// the likelihoods it weighs are those of the kinds, averaged
		double confusion = IdealObserver.likelihood(Kind.CONFUSION_1, "K0G47", "K0047");
		double swap = IdealObserver.likelihood(Kind.TRANSPOSITION_1, "K0G47", "KG047");
		assertThat(swap).isGreaterThan(confusion);
		// told the notes contradict the swapped record, it picks the confused one again
		assertThat(observer.findsFirstNotKnowingTheDamage("K0G47", "Glock", 0, row -> row == 1 ? 0 : 1)).isTrue();
	}

	@Test
	void aMissingLeadingPartIsWeighedByHowManyCharactersWereDropped() {
		// the registry holds "BK004512" (eight characters: one, two or three dropped,
		// each a third) and "K004512" (seven: one or two, each a half); "004S12" is
		// either's "004512" with 5 read as S: the shorter serial, whose drop is likelier,
		// comes first
		List<String> serials = List.of("BK004512", "K004512");
		IdealObserver observer = new IdealObserver(
				(serial, make) -> serials.contains(serial) ? List.of(serials.indexOf(serial)) : List.of(),
				end -> serials.stream().filter(s -> s.endsWith(end) && s.length() > end.length()).toList());
		assertThat(observer.findsFirst(Kind.MISSING_LEADING_2, "004S12", "Glock", 1, row -> 1)).isTrue();
		assertThat(observer.findsFirst(Kind.MISSING_LEADING_2, "004S12", "Glock", 0, row -> 1)).isFalse();
		assertThat(IdealObserver.likelihood(Kind.MISSING_LEADING_2, "004S12", "K004512"))
			.isCloseTo(1.5 * IdealObserver.likelihood(Kind.MISSING_LEADING_2, "004S12", "BK004512"), within(1e-12));
		// a reading too short for the drop the benchmark makes has no source
		assertThat(IdealObserver.likelihood(Kind.MISSING_LEADING_1, "4512", "BK004512")).isZero();
		assertThat(observer.findsFirst(Kind.MISSING_LEADING_1, "04512", "Glock", 0, row -> 1)).isFalse();
	}

}
