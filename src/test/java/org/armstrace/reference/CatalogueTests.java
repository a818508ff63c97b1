package org.armstrace.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@DatabaseTest
class CatalogueTests {

	@Autowired
	Catalogue catalogue;

	@Autowired
	TestUsers testUsers;

	@LocalServerPort
	int port;

	@Test
	void theStarterCatalogueHoldsAtLeastSixtyMakesAndFortyCalibres() {
		assertThat(catalogue.entries(Catalogue.Kind.MAKE)).hasSizeGreaterThanOrEqualTo(60);
		assertThat(catalogue.entries(Catalogue.Kind.CALIBRE)).hasSizeGreaterThanOrEqualTo(40);
		assertThat(catalogue.entries(Catalogue.Kind.MAKE)).filteredOn(e -> e.name().equals("Glock"))
			.singleElement()
			.satisfies(glock -> assertThat(glock.models()).contains("G17", "G19"));
	}

	@Test
	void aliasesOfOneMakerAreRecognisedHoweverTheyAreWritten() {
		for (String text : List.of("S&W", "Smith and Wesson", "SMITH & WESSON INC.", "smith & wesson")) {
			assertThat(catalogue.canonical(Catalogue.Kind.MAKE, text)).as(text).contains("Smith & Wesson");
		}
		assertThat(catalogue.canonical(Catalogue.Kind.MAKE, "H&K")).contains("Heckler & Koch");
		assertThat(catalogue.canonical(Catalogue.Kind.MAKE, "Ceska Zbrojovka")).contains("Česká zbrojovka");
		assertThat(catalogue.canonical(Catalogue.Kind.MAKE, "Smiht & Wesson")).isEmpty();
	}

	@Test
	void calibreAliasesMeetButNearEquivalentsStayApart() {
		for (String text : List.of("9mm Luger", "9x19mm Parabellum", "9mm Para", "9 x 19 mm")) {
			assertThat(catalogue.canonical(Catalogue.Kind.CALIBRE, text)).as(text).contains("9x19mm");
		}
		assertThat(catalogue.canonical(Catalogue.Kind.CALIBRE, "9mm Makarov")).contains("9x18mm Makarov");
		assertThat(catalogue.canonical(Catalogue.Kind.CALIBRE, "9mm Kurz")).contains(".380 ACP");
		assertThat(catalogue.canonical(Catalogue.Kind.CALIBRE, "5.56 NATO")).contains("5.56x45mm NATO");
		assertThat(catalogue.canonical(Catalogue.Kind.CALIBRE, ".223 Rem")).contains(".223 Remington");
	}

	@Test
	void anAliasThatAlreadyStandsForAnotherEntryIsRefused() {
		assertThatThrownBy(() -> catalogue.add(Catalogue.Kind.MAKE, "Example Works", "AUT", List.of("S&W")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("alias 'S&W' already stands for 'Smith & Wesson'");
		assertThat(catalogue.canonical(Catalogue.Kind.MAKE, "Example Works")).isEmpty();
	}

	@Test
	void anAdminExtendsTheCatalogueByCsvAndEveryRefusedRowIsNamed() {
		Api api = new Api(port);
		String token = testUsers.token(Role.ADMIN);
		HttpResponse<String> loaded = api.postText("/api/v1/reference/makes/csv", token, """
				name,country,aliases,models
				Synthetic Arsenal,AUT,SynArs|Syn. Arsenal,SA-1|SA-2
				Glock,AUT,Glock Austria
				Broken Entry,XYZ,
				Clash Works,AUT,H&K
				""", "text/csv");
		assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
		var report = Api.json(loaded);
		assertThat(report.path("added").asInt()).isEqualTo(1);
		assertThat(report.path("extended").asInt()).isEqualTo(1);
		assertThat(report.path("rejected").valueStream().map(r -> r.asString()).toList()).containsExactly(
				"row 4: country must be a country's name or ISO code (Austria, AUT), was 'XYZ'",
				"row 5: alias 'H&K' already stands for 'Heckler & Koch'");
		assertThat(catalogue.canonical(Catalogue.Kind.MAKE, "SYNARS")).contains("Synthetic Arsenal");
		assertThat(catalogue.entries(Catalogue.Kind.MAKE)).filteredOn(e -> e.name().equals("Synthetic Arsenal"))
			.singleElement()
			.satisfies(e -> assertThat(e.models()).containsExactly("SA-1", "SA-2"));
		assertThat(catalogue.canonical(Catalogue.Kind.MAKE, "Glock Austria")).contains("Glock");
		var match = Api.json(api.get("/api/v1/reference/calibres/match?text=9mm%20Para", token));
		assertThat(match.path("canonical").asString()).isEqualTo("9x19mm");
	}

	@Test
	void aCsvWithAByteOrderMarkLoadsAndAnUnclosedQuoteCostsOnlyItsRow() {
		Api api = new Api(port);
		String token = testUsers.token(Role.ADMIN);
		HttpResponse<String> loaded = api.postText("/api/v1/reference/calibres/csv", token, """
				\uFEFFname,aliases
				Synthetic 7x77mm,7x77 Syn
				"Broken 8x88mm,8x88
				Synthetic 6x66mm,6x66 Syn|6.6 Syn,stray
				Synthetic 5x55mm,5x55 Syn
				""", "text/csv");
		assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
		var report = Api.json(loaded);
		assertThat(report.path("added").asInt()).isEqualTo(2);
		assertThat(report.path("rejected").valueStream().map(r -> r.asString()).toList()).containsExactly(
				"row 3: a quoted value is not closed", "row 4: has 3 values, more than the header's 2 columns");
		assertThat(catalogue.canonical(Catalogue.Kind.CALIBRE, "7x77 Syn")).contains("Synthetic 7x77mm");
		assertThat(catalogue.canonical(Catalogue.Kind.CALIBRE, "5x55 Syn")).contains("Synthetic 5x55mm");
	}

	@Test
	void countriesComeFromTheJdkAsAlpha3Codes() {
		assertThat(new CountryCode("AUT").code()).isEqualTo("AUT");
		assertThatThrownBy(() -> new CountryCode("XXX")).hasMessageContaining("ISO 3166-1 alpha-3");
		assertThat(CountryCode.all()).hasSizeGreaterThan(240);
	}

}
