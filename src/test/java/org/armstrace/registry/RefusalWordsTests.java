package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

import org.armstrace.DatabaseTest;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Refusal;
import org.armstrace.command.Words;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A refusal in the reader's language names the same values in every language: the holder,
 * the status, the action.
 */
@DatabaseTest
class RefusalWordsTests {

	@Autowired
	Words words;

	@Autowired
	FirearmCommands firearms;

	@Autowired
	RegistryFixture fixture;

	@Test
	void aRefusedTransferOfAStolenFirearmReadsWithItsValuesInEnglishSpanishAndFrench() {
		UUID owner = fixture.owner();
		UUID stolen = fixture.stolenPistolHeldBy(owner);
		Refusal refusal = ((CommandResult.Rejected) firearms.transfer(stolen,
				new FirearmCommands.TransferFirearm(fixture.owner(), null), RegistryFixture.ACTOR, null))
			.violations()
			.getFirst();

		assertThat(refusal.rule()).isEqualTo(RegistryRule.StolenFirearmCannotBeTransferred);
		assertThat(refusal.values()).containsExactly("STOLEN", "TRANSFER", "ACTIVE, DEACTIVATED");
		assertThat(words.text(refusal, Locale.ENGLISH)).isEqualTo(
				"a firearm that is stolen cannot be transferred until it is recovered (allowed when active, deactivated)");
		assertThat(words.text(refusal, Locale.forLanguageTag("es"))).isEqualTo(
				"un arma robada no puede ser transferida hasta que se recupere (permitido si está: activa, desactivada)");
		assertThat(words.text(refusal, Locale.FRENCH)).isEqualTo(
				"une arme volée ne peut pas être transférée avant d'être retrouvée (permis si elle est : active, neutralisée)");
	}

	@Test
	void aRefusalNamingAHolderNamesItInEveryLanguage() {
		UUID nobody = UUID.randomUUID();
		Refusal refusal = ((CommandResult.Rejected) firearms.transfer(fixture.registeredPistolHeldBy(fixture.owner()),
				new FirearmCommands.TransferFirearm(nobody, null), RegistryFixture.ACTOR, null))
			.violations()
			.getFirst();

		assertThat(words.text(refusal, Locale.ENGLISH)).contains(nobody.toString());
		assertThat(words.text(refusal, Locale.forLanguageTag("es"))).contains(nobody.toString()).contains("titular");
		assertThat(words.text(refusal, Locale.FRENCH)).contains(nobody.toString()).contains("détenteur");
	}

}
