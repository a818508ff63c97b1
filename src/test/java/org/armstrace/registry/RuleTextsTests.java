package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.armstrace.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A refusal in the reader's language: the rule's own English message, or the bundle's text for the rule. */
@DatabaseTest
class RuleTextsTests {

	@Autowired
	RuleTexts texts;

	@Autowired
	FirearmCommands firearms;

	@Autowired
	RegistryFixture fixture;

	@Test
	void aRefusedTransferReadsInEnglishWithItsValuesAndInSpanishAndFrenchByItsRule() {
		java.util.UUID owner = fixture.owner();
		java.util.UUID stolen = fixture.stolenPistolHeldBy(owner);
		Violation refusal = ((CommandResult.Rejected) firearms.transfer(stolen, new FirearmCommands.TransferFirearm(
				fixture.owner(), null), RegistryFixture.ACTOR, null)).violations().getFirst();

		assertThat(texts.text(refusal, Locale.ENGLISH)).isEqualTo(refusal.message());
		assertThat(texts.text(refusal, Locale.forLanguageTag("es")))
			.isEqualTo("Un arma denunciada como robada no puede transferirse hasta que se recupere");
		assertThat(texts.text(refusal, Locale.FRENCH))
			.isEqualTo("Une arme déclarée volée ne peut être cédée avant d’être récupérée");
		Violation unknown = new Violation("x", "NoSuchRuleAnywhere", "as the command said");
		assertThat(texts.text(unknown, Locale.FRENCH)).isEqualTo("as the command said");
	}

}
