package org.armstrace.reference;

import java.util.List;
import java.util.Map;

/**
 * Country names the JDK's locale data does not give: the ways registers write today's
 * countries (abbreviations, old or informal names), and the names of historical States,
 * whose successor the State configures ({@link ReferenceProperties}).
 */
final class CountryNames {

	/** Informal names and abbreviations of today's countries, to their alpha-3 code. */
	static final Map<String, List<String>> VARIANTS = Map.ofEntries(
			Map.entry("USA",
					List.of("U.S.A.", "US", "U.S.", "America", "United States of America", "United States",
							"Estados Unidos", "Estados Unidos de America", "EE.UU.", "EEUU", "E.U.A.", "EUA",
							"Etats-Unis", "Etats-Unis d'Amerique", "Vereinigte Staaten", "Amerika")),
			Map.entry("GBR", List.of("UK", "U.K.", "Great Britain", "Britain", "England", "Scotland", "Wales",
					"Northern Ireland", "United Kingdom of Great Britain and Northern Ireland", "Gran Bretana",
					"Inglaterra", "Grande-Bretagne", "Angleterre", "Royaume Uni", "Grossbritannien", "GB", "G.B.")),
			Map.entry("NLD", List.of("Holland", "The Netherlands", "Holanda", "Hollande", "Paises Bajos")),
			Map.entry("CZE", List.of("Czech Republic", "Republica Checa", "Republique tcheque", "Tschechien")),
			Map.entry("RUS", List.of("Russia", "Russian Federation", "Federacion Rusa", "Russie", "Russland")),
			Map.entry("KOR", List.of("South Korea", "Korea, Republic of", "Republic of Korea", "Corea del Sur")),
			Map.entry("PRK", List.of("North Korea", "Korea, Democratic People's Republic of", "Corea del Norte")),
			Map.entry("TUR", List.of("Turkey", "Turquia", "Turquie", "Turkei", "Turkiye")),
			Map.entry("CIV", List.of("Ivory Coast", "Cote d'Ivoire", "Costa de Marfil")),
			Map.entry("MMR", List.of("Burma", "Birmania")), Map.entry("SWZ", List.of("Swaziland", "Suazilandia")),
			Map.entry("MKD", List.of("Macedonia", "FYROM", "Republic of Macedonia")),
			Map.entry("BIH", List.of("Bosnia", "Bosnia and Herzegovina", "Bosnia-Herzegovina", "Bosnia y Herzegovina")),
			Map.entry("COD", List.of("Democratic Republic of the Congo", "DR Congo", "DRC", "Zaire")),
			Map.entry("COG", List.of("Republic of the Congo", "Congo-Brazzaville")),
			Map.entry("IRN", List.of("Iran", "Persia")), Map.entry("SYR", List.of("Syria")),
			Map.entry("VNM", List.of("Vietnam", "Viet Nam")), Map.entry("LAO", List.of("Laos")),
			Map.entry("TZA", List.of("Tanzania")), Map.entry("MDA", List.of("Moldova")),
			Map.entry("VAT", List.of("Vatican", "Vatican City", "Holy See")), Map.entry("CPV", List.of("Cape Verde")),
			Map.entry("TLS", List.of("East Timor")), Map.entry("BRA", List.of("Brasil")),
			Map.entry("BEL", List.of("Belgie")),
			Map.entry("CHE", List.of("Suisse", "Schweiz", "Svizzera", "Confoederatio Helvetica", "Helvetia")),
			Map.entry("DEU", List.of("Germany", "Deutschland", "Alemania", "Allemagne", "Germania")),
			Map.entry("AUT", List.of("Osterreich", "Oesterreich")));

	/**
	 * Historical States, by the key {@link ReferenceProperties} maps to a successor:
	 * their names in the languages registers were kept in, and their ISO 3166-3 codes.
	 */
	static final Map<String, List<String>> HISTORICAL = Map.of("west-germany",
			List.of("West Germany", "Germany, West", "FRG", "F.R.G.", "BRD", "B.R.D.", "R.F.A.", "RFA",
					"Alemania Occidental", "Alemania Federal", "Allemagne de l'Ouest", "Allemagne de l’Ouest",
					"Westdeutschland", "West-Deutschland"),
			"east-germany",
			List.of("East Germany", "Germany, East", "GDR", "G.D.R.", "DDR", "D.D.R.", "RDA", "R.D.A.", "DD",
					"German Democratic Republic", "Deutsche Demokratische Republik", "Alemania Oriental",
					"Republica Democratica Alemana", "Allemagne de l'Est", "Allemagne de l’Est",
					"Republique democratique allemande", "Ostdeutschland"),
			"soviet-union",
			List.of("USSR", "U.S.S.R.", "URSS", "U.R.S.S.", "Soviet Union", "Union of Soviet Socialist Republics",
					"Union Sovietica", "Union sovietique", "Sowjetunion", "UdSSR", "CCCP", "СССР", "SU", "SUN"),
			"yugoslavia",
			List.of("Yugoslavia", "Jugoslavija", "Jugoslawien", "Yougoslavie", "Jugoslavia", "SFRY", "SFRJ",
					"SFR Yugoslavia", "FR Yugoslavia", "Serbia and Montenegro", "Serbia y Montenegro", "YU", "YUG",
					"SCG"),
			"czechoslovakia", List.of("Czechoslovakia", "Checoslovaquia", "Tchecoslovaquie", "Tschechoslowakei",
					"Ceskoslovensko", "CSSR", "C.S.S.R.", "CSR", "CS", "CSK"));

	private CountryNames() {
	}

}
