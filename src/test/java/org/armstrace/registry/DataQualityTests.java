package org.armstrace.registry;

import static org.armstrace.registry.RegistryFixture.ACTOR;
import static org.armstrace.registry.RegistryFixture.accepted;
import static org.armstrace.registry.RegistryFixture.pistol;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.armstrace.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DatabaseTest
class DataQualityTests {

	@Autowired
	FirearmCommands firearms;

	@Autowired
	RegistryQueries queries;

	@Autowired
	DataQuality dataQuality;

	@Test
	void textThatMatchesNoCatalogueEntryIsKeptAsEnteredAndReported() {
		UUID misspelt = accepted(
				firearms.register(pistol("Smiht & Wesson", RegistryFixture.nextSerial(), null), ACTOR, null));
		UUID alias = accepted(firearms.register(pistol("S&W", RegistryFixture.nextSerial(), null), ACTOR, null));

		assertThat(queries.firearm(misspelt).orElseThrow().make()).isEqualTo("Smiht & Wesson");
		assertThat(queries.firearm(misspelt).orElseThrow().catalogueMake()).isNull();
		assertThat(queries.firearm(alias).orElseThrow().make()).isEqualTo("S&W");
		assertThat(queries.firearm(alias).orElseThrow().catalogueMake()).isEqualTo("Smith & Wesson");
		assertThat(queries.firearm(alias).orElseThrow().catalogueCalibre()).isEqualTo("9x19mm");
		assertThat(dataQuality.unmatched()).contains(new DataQuality.UnmatchedText("firearm.make", "Smiht & Wesson", 1))
			.noneMatch(t -> t.text().equals("S&W"));
	}

}
