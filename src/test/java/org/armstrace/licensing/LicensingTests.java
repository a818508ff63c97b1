package org.armstrace.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Refusal;
import org.armstrace.identity.Role;
import org.armstrace.ledger.CheckpointSigner;
import org.armstrace.ledger.ProjectionAudit;
import org.armstrace.registry.Classifications;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.HolderCommands;
import org.armstrace.registry.HolderRole;
import org.armstrace.registry.RegistryQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * A firearm changes hands only to an acquirer whose licence covers it: no licence, the
 * wrong category, too many already held or a suspended licence each refuse the transfer
 * with the rule and the licence; a revoked licence puts its holder's firearms on the
 * recovery list.
 */
@DatabaseTest
@TestPropertySource(properties = { "armstrace.licensing.check-acquisitions=true", "armstrace.test.context=licensing" })
class LicensingTests {

	@Autowired
	Licences licences;

	@Autowired
	LicenceQueries queries;

	@Autowired
	FirearmCommands firearms;

	@Autowired
	Classifications classifications;

	@Autowired
	HolderCommands holders;

	@Autowired
	ProjectionAudit projections;

	@Autowired
	CheckpointSigner signer;

	@Autowired
	Brokering brokering;

	@Autowired
	TestUsers testUsers;

	@Autowired
	RegistryQueries registry;

	@LocalServerPort
	int port;

	static final String OFFICER = "user:licensing-1";

	UUID maker;

	UUID owner;

	@BeforeEach
	void aMakerAndAnOwner() {
		maker = holder(HolderRole.MANUFACTURER);
		owner = holder(HolderRole.PRIVATE_OWNER);
	}

	@Test
	void anOwnerWithoutALicenceCannotAcquireAndOneWithACoveringLicenceCan() {
		UUID pistol = firearm("B");

		assertThat(refusal(transfer(pistol, owner)).rule()).isEqualTo(LicensingRule.AcquirerIsLicensed);

		granted(owner, LicenceKind.POSSESSION, "B", 2, LocalDate.now().plusYears(5));
		assertThat(transfer(pistol, owner)).isInstanceOf(CommandResult.Accepted.class);
	}

	@Test
	void aDealersOwnAcquisitionIsCheckedAgainstItsDealersLicence() {
		UUID shop = holder(HolderRole.DEALER);
		UUID pistol = firearm("B");
		accepted(transfer(pistol, shopOwner()));
		FirearmCommands.AcquireIntoStock bought = new FirearmCommands.AcquireIntoStock(
				registry.recordNumber(pistol).orElseThrow(), registry.firearm(pistol).orElseThrow().serial(), null);

		assertThat(refusal(firearms.acquireIntoStock(bought, OFFICER, null, shop)).rule())
			.isEqualTo(LicensingRule.AcquirerIsLicensed);

		granted(shop, LicenceKind.DEALER, "B", null, LocalDate.now().plusYears(5));
		assertThat(firearms.acquireIntoStock(bought, OFFICER, null, shop)).isInstanceOf(CommandResult.Accepted.class);
		assertThat(registry.holderOfFirearm(pistol)).contains(shop);
	}

	/** An owner licensed to hold what the dealer then buys from them. */
	private UUID shopOwner() {
		granted(owner, LicenceKind.POSSESSION, "B", 5, LocalDate.now().plusYears(5));
		return owner;
	}

	@Test
	void aLicenceForAnotherCategoryIsNamedInTheRefusal() {
		UUID rifle = firearm("B");
		String number = granted(owner, LicenceKind.POSSESSION, "C", 3, LocalDate.now().plusYears(5));

		Refusal refused = refusal(transfer(rifle, owner));

		assertThat(refused.rule()).isEqualTo(LicensingRule.LicenceCoversCategory);
		assertThat(refused.values()).containsExactly("B", number);
	}

	@Test
	void theQuantityALicenceAllowsIsNotExceeded() {
		granted(owner, LicenceKind.POSSESSION, "B", 1, LocalDate.now().plusYears(5));
		assertThat(transfer(firearm("B"), owner)).isInstanceOf(CommandResult.Accepted.class);

		Refusal refused = refusal(transfer(firearm("B"), owner));

		assertThat(refused.rule()).isEqualTo(LicensingRule.LicenceQuantityIsNotExceeded);
		assertThat(refused.values()).startsWith("B", "1", "1");
	}

	@Test
	void aSuspendedLicenceRefusesAndItsReinstatementAllowsAgain() {
		granted(owner, LicenceKind.POSSESSION, "B", 5, LocalDate.now().plusYears(5));
		UUID licence = queries.ofHolder(owner).getFirst().id();
		accepted(licences.suspend(licence, new Licences.Decide("court order", "CO-2026-17", null), OFFICER, null));
		UUID pistol = firearm("B");

		assertThat(refusal(transfer(pistol, owner)).rule()).isEqualTo(LicensingRule.AcquirerIsLicensed);

		accepted(licences.reinstate(licence, new Licences.Decide(null, null, null), OFFICER, null));
		assertThat(transfer(pistol, owner)).isInstanceOf(CommandResult.Accepted.class);
	}

	@Test
	void anUnclassifiedFirearmCannotChangeHandsUnderALicenceButAStateAgencyNeedsNone() {
		UUID unclassified = firearm(null);
		granted(owner, LicenceKind.POSSESSION, "B", 5, LocalDate.now().plusYears(5));

		assertThat(refusal(transfer(unclassified, owner)).rule()).isEqualTo(LicensingRule.FirearmIsClassified);
		assertThat(transfer(unclassified, holder(HolderRole.STATE_AGENCY))).isInstanceOf(CommandResult.Accepted.class);
	}

	@Test
	void aRevocationListsTheFirearmsStillHeldUntilTheyAreSurrendered() {
		granted(owner, LicenceKind.POSSESSION, "B", 5, LocalDate.now().plusYears(5));
		UUID first = firearm("B");
		UUID second = firearm("B");
		accepted(transfer(first, owner));
		accepted(transfer(second, owner));
		UUID licence = queries.ofHolder(owner).getFirst().id();

		accepted(licences.revoke(licence, new Licences.Decide("convicted of a violent offence", null, null), OFFICER,
				null));

		LicenceQueries.Recovery recovery = recoveryOf(owner);
		assertThat(recovery.firearms()).extracting(f -> f.id()).containsExactlyInAnyOrder(first, second);
		accepted(transfer(first, holder(HolderRole.STATE_AGENCY)));
		assertThat(recoveryOf(owner).firearms()).extracting(f -> f.id()).containsExactly(second);
		assertThat(
				refusal(licences.grant(licence, new Licences.GrantLicence("X-1", null, LocalDate.now()), OFFICER, null))
					.rule())
			.isEqualTo(LicensingRule.LicenceStepIsAllowed);
	}

	@Test
	void aLicenceEndingWithin60DaysIsListedForRenewalAndOnePastItsValidityExpires() {
		String soon = granted(owner, LicenceKind.POSSESSION, "B", 1, LocalDate.now().plusDays(30));
		UUID collector = holder(HolderRole.PRIVATE_OWNER);
		UUID past = accepted(licences.apply(application(collector, LicenceKind.COLLECTOR, "B", null), OFFICER, null));
		accepted(licences.grant(past, new Licences.GrantLicence("COL-" + UUID.randomUUID(),
				LocalDate.now().minusYears(5), LocalDate.now().minusDays(1)), OFFICER, null));

		assertThat(queries.renewalList(LocalDate.now(), 60)).extracting(LicenceQueries.LicenceView::number)
			.contains(soon);
		assertThat(licences.expirePastValidity()).isPositive();
		assertThat(queries.licence(past).orElseThrow().state()).isEqualTo(LicenceState.EXPIRED);
		assertThat(refusal(transfer(firearm("B"), collector)).rule()).isEqualTo(LicensingRule.AcquirerIsLicensed);
		assertThat(projections.check().ok()).as("the licence tables are what the ledger says").isTrue();
	}

	@Test
	void theApiAppliesGrantsAndNamesTheRuleOfARefusedTransfer() {
		Api api = new Api(port);
		String licensing = testUsers.token(Role.LICENSING);
		HttpResponse<String> applied = api.post("/api/v1/licences", licensing, """
				{"holderId":"%s","kind":"POSSESSION","issuingAuthority":"Landespolizeidirektion Wien",
				 "coverage":[{"category":"C","quantity":2}],"storageInspected":true}""".formatted(owner));
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
		String id = Api.json(applied).path("id").asString();
		HttpResponse<String> grantedAnswer = api.post("/api/v1/licences/" + id + "/grant", licensing,
				"{\"number\":\"W-%s\",\"validUntil\":\"%s\"}".formatted(id.substring(0, 8),
						LocalDate.now().plusYears(5)));
		assertThat(grantedAnswer.statusCode()).as(grantedAnswer.body()).isEqualTo(201);
		assertThat(Api.json(grantedAnswer).path("state").asString()).isEqualTo("GRANTED");

		UUID pistol = firearm("B");
		HttpResponse<String> refused = api.post("/api/v1/firearms/" + pistol + "/transfers",
				testUsers.token(Role.REGISTRAR), "{\"toHolderId\":\"" + owner + "\"}");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("LicenceCoversCategory", "do not cover category B");

		HttpResponse<String> bad = api.post("/api/v1/licences", licensing, """
				{"holderId":"%s","kind":"POSSESSION","issuingAuthority":"x","coverage":[{"category":"Z9"}]}"""
			.formatted(owner));
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("coverage[0].category", "CoverageIsKnownCategory");
		assertThat(api.post("/api/v1/licences", testUsers.token(Role.DEALER), "{}").statusCode()).isEqualTo(403);
	}

	@Test
	void theLicenceDocumentsCodeVerifiesForAnyoneAgainstTheLedger() throws Exception {
		Api api = new Api(port);
		String number = granted(owner, LicenceKind.POSSESSION, "B", 2, LocalDate.now().plusYears(5));
		LicenceQueries.LicenceView licence = queries.byNumber(number).orElseThrow();
		signer.signNow();

		HttpResponse<byte[]> pdf = api.getBytes("/api/v1/licences/" + licence.id() + "/document",
				testUsers.token(Role.LICENSING));
		assertThat(pdf.statusCode()).isEqualTo(200);
		String text = new PdfTextExtractor(new PdfReader(pdf.body())).getTextFromPage(1);
		assertThat(text).contains("Licence " + number, "Firearm possession licence", "Category B", "at most 2 firearms",
				licence.verificationCode());
		String code = licence.verificationCode();
		assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

		HttpResponse<String> checked = api
			.get("/api/v1/licence-verifications/" + code.toLowerCase().replace("-", " ").replace(" ", "%20"));
		assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
		var verified = Api.json(checked);
		assertThat(verified.path("number").asString()).isEqualTo(number);
		assertThat(verified.path("state").asString()).isEqualTo("GRANTED");
		assertThat(verified.path("validToday").asBoolean()).isTrue();
		assertThat(verified.path("lastFactType").asString()).isEqualTo("licensing.licence-granted");
		assertThat(verified.path("proof").path("leafHash").asString()).isNotBlank();
		assertThat(checked.body()).doesNotContain(owner.toString());
		assertThat(api.get("/api/v1/licence-verifications/AAAA-BBBB-CCCC-DDDD").statusCode()).isEqualTo(404);
		// the same check on the public page, without signing in
		String page = api.get("/checks?code=" + code).body();
		assertThat(page).contains("id=\"licence-result\"").contains(number).contains("valid today");
		assertThat(page).doesNotContain(owner.toString());
		assertThat(api.get("/checks?code=AAAA-BBBB-CCCC-DDDD").body()).contains("id=\"licence-unknown\"");

		accepted(licences.revoke(licence.id(), new Licences.Decide("withdrawn", null, null), OFFICER, null));
		var revoked = Api.json(api.get("/api/v1/licence-verifications/" + code));
		assertThat(revoked.path("state").asString()).isEqualTo("REVOKED");
		assertThat(revoked.path("validToday").asBoolean()).isFalse();
	}

	@Test
	void aRegisteredBrokerRecordsWhatItBrokeredFromWhereToWhereAndAnyoneElseIsRefused() {
		UUID broker = holder(HolderRole.BROKER);
		granted(broker, LicenceKind.BROKER, "B", null, LocalDate.now().plusYears(3));
		UUID licence = queries.ofHolder(broker).getFirst().id();
		UUID buyer = holder(HolderRole.DEALER);

		UUID activity = accepted(
				brokering.report(new Brokering.ReportBrokering(licence, "semi-automatic pistols, 9x19mm", "B", 40,
						"AUT", "SRB", List.of("HUN"), maker, buyer, "BRK-2026-7", null), OFFICER, null));

		assertThat(brokering.of(licence)).singleElement().satisfies(a -> {
			assertThat(a.id()).isEqualTo(activity);
			assertThat(a.quantity()).isEqualTo(40);
			assertThat(a.transitCountries()).isEqualTo("HUN");
		});
		granted(owner, LicenceKind.POSSESSION, "B", 1, LocalDate.now().plusYears(3));
		UUID possession = queries.ofHolder(owner).getFirst().id();
		Refusal notABroker = refusal(brokering.report(new Brokering.ReportBrokering(possession, "rifles", "B", 2, "AUT",
				"DEU", List.of(), null, null, null, null), OFFICER, null));
		assertThat(notABroker.rule()).isEqualTo(LicensingRule.BrokerIsRegistered);
		CommandResult badCountries = brokering.report(new Brokering.ReportBrokering(licence, "rifles", "B", 2,
				"Nowhere", "DEU", List.of("XX"), null, null, null, null), OFFICER, null);
		assertThat(((CommandResult.Rejected) badCountries).violations()).extracting(Refusal::field)
			.contains("fromCountry", "transitCountries[0]");
		assertThat(projections.check().ok()).isTrue();
	}

	// the world the tests need

	private UUID holder(HolderRole role) {
		return accepted(holders
			.register(new HolderCommands.RegisterHolder(role, "Synthetic " + role, null, "AUT", null), OFFICER, null));
	}

	private UUID firearm(String category) {
		UUID id = accepted(firearms.register(new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null, "Glock",
				"17", "9x19mm", "LIC" + UUID.randomUUID().toString().substring(0, 8), "AUT", 2020, List.of(), maker,
				null, false, null), OFFICER, null));
		if (category != null) {
			accepted(classifications.classify(id, new Classifications.Classify(category, null), OFFICER, null));
		}
		return id;
	}

	private CommandResult transfer(UUID firearm, UUID to) {
		return firearms.transfer(firearm, new FirearmCommands.TransferFirearm(to, null), OFFICER, null);
	}

	private static Licences.ApplyForLicence application(UUID holder, LicenceKind kind, String category,
			Integer quantity) {
		return new Licences.ApplyForLicence(holder, kind, "Bundespolizeidirektion",
				List.of(new Coverage(category, quantity)), null, true, null);
	}

	private String granted(UUID holder, LicenceKind kind, String category, Integer quantity, LocalDate validUntil) {
		UUID id = accepted(licences.apply(application(holder, kind, category, quantity), OFFICER, null));
		String number = "LIC-" + UUID.randomUUID().toString().substring(0, 8);
		accepted(licences.grant(id, new Licences.GrantLicence(number, null, validUntil), OFFICER, null));
		return number;
	}

	private LicenceQueries.Recovery recoveryOf(UUID holder) {
		return queries.recoveryList(LocalDate.now())
			.stream()
			.filter(r -> r.licence().holderId().equals(holder))
			.findFirst()
			.orElseThrow();
	}

	private static UUID accepted(CommandResult result) {
		assertThat(result).as(result.toString()).isInstanceOf(CommandResult.Accepted.class);
		return ((CommandResult.Accepted) result).subjectId();
	}

	private static Refusal refusal(CommandResult result) {
		assertThat(result).as(result.toString()).isInstanceOf(CommandResult.Rejected.class);
		return ((CommandResult.Rejected) result).violations().getFirst();
	}

}
