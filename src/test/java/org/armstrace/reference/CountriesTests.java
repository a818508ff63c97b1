package org.armstrace.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Countries as registers around the world write them: codes, names in many languages and
 * scripts, informal names, historical States, misspellings.
 */
class CountriesTests {

	static final Countries COUNTRIES = new Countries(ReferenceProperties.DEFAULT_HISTORICAL);

	@Test
	void isoCodesOfBothLengthsInAnyCase() {
		assertThat(COUNTRIES.code("AUT")).contains("AUT");
		assertThat(COUNTRIES.code("at")).contains("AUT");
		assertThat(COUNTRIES.code(" bra ")).contains("BRA");
		assertThat(COUNTRIES.code("ZA")).contains("ZAF");
	}

	@Test
	void thePagesSuggestEveryCountryByItsNameInTheReadersLanguageAndEachSuggestionReadsBack() {
		for (String language : List.of("en", "es", "fr")) {
			List<Countries.Suggestion> suggestions = COUNTRIES.suggestions(Locale.of(language));
			assertThat(suggestions).as(language).hasSize(CountryCode.all().size());
			suggestions.forEach(s -> assertThat(COUNTRIES.codeOrAsGiven(s.name())).as(s.name()).isEqualTo(s.code()));
		}
		assertThat(COUNTRIES.suggestions(Locale.of("fr"))).contains(new Countries.Suggestion("Autriche", "AUT"));
		assertThat(COUNTRIES.suggestions(Locale.of("es"))).contains(new Countries.Suggestion("Alemania", "DEU"));
	}

	@Test
	void namesInTheLanguagesOfTheInterfaceAndOfTheNeighbours() {
		Map<String, String> names = Map.ofEntries(Map.entry("Germany", "DEU"), Map.entry("Alemania", "DEU"),
				Map.entry("Allemagne", "DEU"), Map.entry("Deutschland", "DEU"), Map.entry("Austria", "AUT"),
				Map.entry("Autriche", "AUT"), Map.entry("Österreich", "AUT"), Map.entry("Belgique", "BEL"),
				Map.entry("België", "BEL"), Map.entry("Estados Unidos", "USA"), Map.entry("États-Unis", "USA"),
				Map.entry("Suiza", "CHE"), Map.entry("Suisse", "CHE"), Map.entry("Brésil", "BRA"),
				Map.entry("Perú", "PER"), Map.entry("Côte d’Ivoire", "CIV"), Map.entry("Italia", "ITA"),
				Map.entry("Italien", "ITA"), Map.entry("Espagne", "ESP"), Map.entry("España", "ESP"),
				Map.entry("Spanien", "ESP"), Map.entry("Reino Unido", "GBR"), Map.entry("Royaume-Uni", "GBR"),
				Map.entry("Vereinigtes Königreich", "GBR"), Map.entry("Tchéquie", "CZE"), Map.entry("Chequia", "CZE"),
				Map.entry("Tschechien", "CZE"), Map.entry("Polska", "POL"), Map.entry("Sverige", "SWE"),
				Map.entry("Türkiye", "TUR"));
		names.forEach((name, code) -> assertThat(COUNTRIES.code(name)).as(name).contains(code));
	}

	@Test
	void namesInOtherScriptsFromTheLocaleData() {
		assertThat(COUNTRIES.code("Германия")).contains("DEU");
		assertThat(COUNTRIES.code("ドイツ")).contains("DEU");
		assertThat(COUNTRIES.code("Россия")).contains("RUS");
		assertThat(COUNTRIES.code("中国")).contains("CHN");
		assertThat(COUNTRIES.code("Ελλάδα")).contains("GRC");
	}

	@Test
	void theWaysRegistersWriteTodaysCountries() {
		Map<String, String> variants = Map.ofEntries(Map.entry("USA", "USA"), Map.entry("U.S.A.", "USA"),
				Map.entry("u.s.", "USA"), Map.entry("United States of America", "USA"), Map.entry("EE.UU.", "USA"),
				Map.entry("Russia", "RUS"), Map.entry("Russian Federation", "RUS"), Map.entry("Czech Republic", "CZE"),
				Map.entry("UK", "GBR"), Map.entry("Great Britain", "GBR"), Map.entry("England", "GBR"),
				Map.entry("Holland", "NLD"), Map.entry("The Netherlands", "NLD"), Map.entry("South Korea", "KOR"),
				Map.entry("Ivory Coast", "CIV"), Map.entry("Burma", "MMR"), Map.entry("Bosnia-Herzegovina", "BIH"),
				Map.entry("UNITED  STATES", "USA"), Map.entry("united-kingdom", "GBR"));
		variants.forEach((name, code) -> assertThat(COUNTRIES.code(name)).as(name).contains(code));
	}

	@Test
	void historicalStatesStandForTheSuccessorsByDefault() {
		Map<String, String> historical = Map.ofEntries(Map.entry("West Germany", "DEU"), Map.entry("R.F.A.", "DEU"),
				Map.entry("BRD", "DEU"), Map.entry("FRG", "DEU"), Map.entry("Alemania Occidental", "DEU"),
				Map.entry("East Germany", "DEU"), Map.entry("DDR", "DEU"), Map.entry("R.D.A.", "DEU"),
				Map.entry("USSR", "RUS"), Map.entry("U.R.S.S.", "RUS"), Map.entry("Soviet Union", "RUS"),
				Map.entry("Unión Soviética", "RUS"), Map.entry("СССР", "RUS"), Map.entry("Yugoslavia", "SRB"),
				Map.entry("Yougoslavie", "SRB"), Map.entry("Czechoslovakia", "CZE"),
				Map.entry("Tchécoslovaquie", "CZE"), Map.entry("ČSSR", "CZE"));
		historical.forEach((name, code) -> assertThat(COUNTRIES.code(name)).as(name).contains(code));
	}

	@Test
	void theStateDecidesWhatAHistoricalStateStandsFor() {
		Map<String, String> configured = new HashMap<>(ReferenceProperties.DEFAULT_HISTORICAL);
		configured.put("yugoslavia", "HRV");
		configured.put("soviet-union", "UKR");
		Countries countries = new Countries(new ReferenceProperties(configured).historicalCountries());

		assertThat(countries.code("Jugoslavija")).contains("HRV");
		assertThat(countries.code("URSS")).contains("UKR");
		assertThat(countries.code("Czechoslovakia")).contains("CZE");
	}

	@Test
	void aMisspeltNameIsMatchedWithLessThanFullConfidence() {
		assertThat(COUNTRIES.match("Germny")).hasValueSatisfying(m -> {
			assertThat(m.code()).isEqualTo("DEU");
			assertThat(m.confidence()).isBetween(50, 99);
			assertThat(m.exact()).isFalse();
		});
		assertThat(COUNTRIES.match("Argentinia")).map(Countries.Match::code).contains("ARG");
		assertThat(COUNTRIES.match("Swizerland")).map(Countries.Match::code).contains("CHE");
		assertThat(COUNTRIES.match("Alemania")).contains(new Countries.Match("DEU", 100));
	}

	@Test
	void whatNamesNoCountryIsNotGuessed() {
		assertThat(COUNTRIES.match("Ruritania")).as("a suggestion at most, for an officer")
			.hasValueSatisfying(m -> assertThat(m.confidence()).isLessThan(80));
		assertThat(COUNTRIES.match("Atlantis")).isEmpty();
		assertThat(COUNTRIES.match("unknown")).isEmpty();
		assertThat(COUNTRIES.match("XX")).isEmpty();
		assertThat(COUNTRIES.match("")).isEmpty();
		assertThat(COUNTRIES.match(null)).isEmpty();
	}

}
