package org.armstrace.demo;

import java.util.Random;

/**
 * The ways legacy registers write one firearm's values, for the synthetic file: makers by
 * name, alias, company form or misspelt; types in English, Spanish, French and German;
 * calibres in their many spellings; countries as codes, names in several languages,
 * informal and historical names; dates in the local layouts; statuses in three languages.
 * About one value in a hundred is one no table could read ("n/a", "c. 1985", a badly
 * misspelt country), as real registers hold.
 */
final class LegacyVariants {

	/** Per maker (the plain file's order): how registers write it. */
	private static final String[][] MAKES = {
			{ "Glock", "GLOCK", "Glock GmbH", "GLOCK Ges.m.b.H.", "Glock Inc.", "glock", "Glokc" },
			{ "S&W", "Smith & Wesson", "Smith and Wesson", "SMITH & WESSON INC.", "S & W", "Smith&Wesson",
					"Smith & Weson" },
			{ "Beretta", "P. Beretta", "Pietro Beretta", "BERETTA", "Beretta S.p.A.", "Fabbrica d'Armi Pietro Beretta",
					"Berettta" },
			{ "CZ", "Česká zbrojovka", "Ceska Zbrojovka", "CZ-UB", "C.Z.", "Ceská Zbrojovka Uherský Brod" },
			{ "Sig Sauer", "SIG", "SIG SAUER GmbH", "Sig-Sauer", "SIGARMS", "Sig Sauer Inc" },
			{ "Steyr", "Steyr Mannlicher", "Steyr-Daimler-Puch", "STEYR ARMS", "Steyr Arms" },
			{ "Ruger", "Sturm Ruger", "Sturm, Ruger & Co.", "RUGER", "Sturm Ruger and Company" },
			{ "Walther", "Carl Walther", "Carl Walther GmbH Sportwaffen", "WALTHER", "Walter" },
			{ "Browning", "Browning Arms Company", "BROWNING", "FN Browning", "Browning Arms Co." },
			{ "Zastava", "Zastava Arms", "Crvena Zastava", "Zavodi Crvena Zastava", "ZASTAVA" } };

	/** Per maker: its country as registers write it. */
	private static final String[][] COUNTRIES = {
			{ "AUT", "AT", "Austria", "Österreich", "Autriche", "austria", "AUSTRIA" },
			{ "USA", "US", "U.S.A.", "United States", "Estados Unidos", "États-Unis", "EE.UU.",
					"United States of America" },
			{ "ITA", "IT", "Italy", "Italia", "Italie", "ITALY" },
			{ "CZE", "Czech Republic", "Czechia", "República Checa", "Tchécoslovaquie", "Czechoslovakia", "ČSSR" },
			{ "DEU", "Germany", "Alemania", "Allemagne", "Deutschland", "R.F.A.", "West Germany", "BRD", "Germny" },
			{ "AUT", "Austria", "Autriche", "Österreich", "A.U.T." },
			{ "USA", "U.S.", "United States", "Estados Unidos", "USA" },
			{ "DEU", "Germany", "R.F.A.", "Alemania Occidental", "Allemagne", "RFA", "DE" },
			{ "BEL", "Belgium", "Belgique", "Bélgica", "België", "BE" },
			{ "SRB", "Serbia", "Yugoslavia", "Yougoslavie", "Jugoslavija", "Serbie", "Yugoeslavia" } };

	/** Per type (the plain file's order). */
	private static final String[][] TYPES = {
			{ "pistol", "PISTOL", "Pistola", "pistolet", "Pistole", "semi-automatic pistol", "pistola semiautomática",
					"handgun" },
			{ "Revolver", "revólver", "REVOLVER", "revolver" },
			{ "RIFLE", "rifle", "fusil", "Gewehr", "fusil d'assaut", "rifle de caza" },
			{ "shotgun", "escopeta", "fusil de chasse", "Flinte", "shot gun", "Fusil à pompe" },
			{ "carbine", "carabina", "carabine", "Karabiner", "CARBINE" } };

	/** Per type: its calibre as registers write it. */
	private static final String[][] CALIBRES = {
			{ "9mm Luger", "9x19", "9 x 19 mm", "9mm Para", "9mm Parabellum", "9x19mm", "9mm NATO" },
			{ ".38 Spl", ".38 Special", "38 SPL", ".357 Magnum", ".357 Mag" },
			{ ".308 Win", "308 Winchester", ".308 Winchester", "7.62x51mm NATO", "7,62x51", ".30-06" },
			{ "12 ga", "12 gauge", "12/70", "12GA", "12 bore", "16 gauge" },
			{ "7.62x39mm", "7.62x39", "7.62 x 39", "7,62x39", "7.62 Soviet" } };

	private static final String[] ACTIVE = { "", "", "", "active", "ACTIVE", "activo", "activa", "actif", "en service",
			"registered" };

	private static final String[] STOLEN = { "stolen", "STOLEN", "robada", "robado", "hurtada", "volé", "volée",
			"gestohlen" };

	/** Values no table could read: written to about one value in a hundred. */
	private static final String[] ODD_MAKES = { "unknown", "n/a", "Manufacturer unknown", "Hand-made", "???" };

	private static final String[] ODD_COUNTRIES = { "unknown", "", "n/a", "Ruritania", "EU", "Czechoslowakia" };

	private static final String[] ODD_TYPES = { "long gun", "arme", "arma corta", "combination", "n/a" };

	private static final String[] ODD_CALIBRES = { "cal. 12", "n/a", "small", "9 mm?", "various" };

	private static final String[] ODD_YEARS = { "c. 1985", "unknown", "198?", "87", "n/a" };

	private static final String[] ODD_STATUSES = { "pending", "under review", "see file", "?" };

	private final Random random;

	LegacyVariants(Random random) {
		this.random = random;
	}

	/** make, type, calibre, country, year, status. */
	String[] row(int maker, int type, int year, boolean stolen) {
		return new String[] { pick(MAKES[maker], ODD_MAKES), pick(TYPES[type], ODD_TYPES),
				pick(CALIBRES[type], ODD_CALIBRES), pick(COUNTRIES[maker], ODD_COUNTRIES),
				odd() ? any(ODD_YEARS) : date(year), odd() ? any(ODD_STATUSES) : any(stolen ? STOLEN : ACTIVE) };
	}

	private String pick(String[] usual, String[] odd) {
		return odd() ? any(odd) : any(usual);
	}

	private boolean odd() {
		return random.nextInt(100) == 0;
	}

	private String any(String[] values) {
		return values[random.nextInt(values.length)];
	}

	/** A date in the year, in one of the layouts registers use, or the year alone. */
	private String date(int year) {
		int month = 1 + random.nextInt(12);
		int day = 1 + random.nextInt(28);
		return switch (random.nextInt(7)) {
			case 0 -> "%d-%02d-%02d".formatted(year, month, day);
			case 1 -> "%02d/%02d/%d".formatted(day, month, year);
			case 2 -> "%02d.%02d.%d".formatted(day, month, year);
			case 3 -> "%d-%d-%d".formatted(day, month, year);
			case 4 -> "%d%02d%02d".formatted(year, month, day);
			default -> Integer.toString(year);
		};
	}

}
