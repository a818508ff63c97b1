package org.armstrace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.armstrace.DatabaseTest;
import org.armstrace.ledger.LedgerVerification;
import org.armstrace.ledger.ProjectionAudit;
import org.armstrace.licensing.LicenceQueries;
import org.armstrace.transfers.AuthorisationQueries;
import org.armstrace.reference.Catalogue;
import org.armstrace.registry.RegistryRebuild;
import org.armstrace.tracing.Candidate;
import org.armstrace.tracing.CustodyChain;
import org.armstrace.tracing.CustodyChains;
import org.armstrace.tracing.ObservedMarkings;
import org.armstrace.tracing.Tracing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

@DatabaseTest
@TestPropertySource(properties = "armstrace.test.context=demo")
@DirtiesContext
class DemoRegistryTests {

	@Autowired
	DemoRegistry demo;

	@Autowired
	Catalogue catalogue;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LedgerVerification verification;

	@Autowired
	RegistryRebuild rebuild;

	@Autowired
	Tracing tracing;

	@Autowired
	CustodyChains chains;

	@Autowired
	DemoLicences licences;

	@Autowired
	LicenceQueries licenceQueries;

	@Autowired
	DemoTransfers transfers;

	@Autowired
	AuthorisationQueries transferQueries;

	@Autowired
	ProjectionAudit projections;

	@Test
	void theSameSeedMakesTheSameWorld() {
		List<Catalogue.Entry> makes = catalogue.entries(Catalogue.Kind.MAKE);
		DemoWorld first = new DemoWorld(new Random(7), "AUT", makes, 500);
		DemoWorld second = new DemoWorld(new Random(7), "AUT", makes, 500);
		for (int i = 0; i < 200; i++) {
			assertThat(second.firearmHistory("FA-X-" + i)).isEqualTo(first.firearmHistory("FA-X-" + i));
		}
		assertThat(new DemoWorld(new Random(8), "AUT", makes, 500).firearmHistory("FA-X-0"))
			.isNotEqualTo(new DemoWorld(new Random(7), "AUT", makes, 500).firearmHistory("FA-X-0"));
	}

	@Test
	void aDemoRegistryHasEveryFateOnAVerifiedLedgerAndRebuildsToItself() {
		demo.generate(4_000, 11, "AUT");

		Map<String, Long> byStatus = jdbc.sql("SELECT status, COUNT(*) FROM firearm GROUP BY status")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4_000);
		assertThat(byStatus).containsKeys("ACTIVE", "STOLEN", "LOST", "EXPORTED", "DEACTIVATED", "DESTROYED", "SEIZED");
		assertThat(byStatus.get("ACTIVE")).isGreaterThan(3_000);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM holder WHERE role = 'PRIVATE_OWNER'").query(Long.class).single())
			.isEqualTo(1_600);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM firearm f JOIN holder h ON h.id = f.holder_id "
					+ "WHERE h.role = 'PRIVATE_OWNER'")
			.query(Long.class)
			.single()).isGreaterThan(2_500);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM part").query(Long.class).single()).isEqualTo(16);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ammunition_lot").query(Long.class).single()).isEqualTo(20);
		assertThat(verification.verify(null).ok()).isTrue();

		List<Map<String, Object>> live = jdbc.sql("SELECT * FROM firearm ORDER BY record_number").query().listOfRows();
		rebuild.rebuild();
		assertThat(jdbc.sql("SELECT * FROM firearm ORDER BY record_number").query().listOfRows()).isEqualTo(live);

		// a stolen demo firearm traces, from its serial as read, to its last legal holder
		// with the stolen flag
		tracing.catchUp();
		Map<String, Object> stolen = jdbc
			.sql("SELECT id, serial, make, holder_id FROM firearm WHERE status = 'STOLEN' "
					+ "ORDER BY record_number FETCH FIRST 1 ROWS ONLY")
			.query()
			.singleRow();
		UUID stolenId = (UUID) stolen.get("id");
		List<Candidate> candidates = tracing
			.match(ObservedMarkings.ofSerial(stolen.get("serial").toString().toLowerCase(),
					stolen.get("make").toString()), 10)
			.candidates();
		assertThat(candidates.getFirst().firearmId()).isEqualTo(stolenId.toString());
		CustodyChain chain = chains.of(stolenId, null, null).orElseThrow();
		assertThat(chain.lastLegalHolder().holderId()).isEqualTo(stolen.get("holder_id"));
		assertThat(chain.has(CustodyChain.FlagKind.LOST_OR_STOLEN)).isTrue();
		assertThat(chain.pointOfDiversion().type()).isEqualTo("registry.firearm-reported-stolen");

		// an exported demo firearm found in the country shows re-entry
		UUID exported = jdbc
			.sql("SELECT id FROM firearm WHERE status = 'EXPORTED' ORDER BY record_number " + "FETCH FIRST 1 ROWS ONLY")
			.query(UUID.class)
			.single();
		CustodyChain exportedChain = chains.of(exported, null, LocalDate.now()).orElseThrow();
		assertThat(exportedChain.has(CustodyChain.FlagKind.RE_ENTRY)).isTrue();
		assertThat(exportedChain.pointOfDiversion().type()).isEqualTo("registry.firearm-exported");

		// licences follow the holdings: every holder has one, a few are suspended or
		// revoked with firearms still held, a few end within 60 days
		long licensed = licences.generate(11, "AUT", 0);
		assertThat(licensed).isGreaterThan(3_000);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM licence").query(Long.class).single())
			.isEqualTo(jdbc.sql("SELECT COUNT(*) FROM holder").query(Long.class).single());
		assertThat(licenceQueries.recoveryList(LocalDate.now())).isNotEmpty();
		assertThat(licenceQueries.renewalList(LocalDate.now(), 60)).isNotEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM firearm WHERE category = 'UNCLASSIFIED'").query(Long.class).single())
			.as("every demo firearm is classified")
			.isZero();

		// a few hundred transfers, with every kind of diversion alert
		assertThat(transfers.generate(11, "AUT", 0)).isGreaterThan(DemoTransfers.AUTHORISATIONS);
		assertThat(transferQueries.alerts(LocalDate.now())).extracting(AuthorisationQueries.Alert::kind)
			.contains(AuthorisationQueries.AlertKind.RECEIPT_OVERDUE, AuthorisationQueries.AlertKind.RECEIVED_SHORT,
					AuthorisationQueries.AlertKind.UNKNOWN_EXPORT_REFERENCE);
		assertThat(projections.check().ok()).isTrue();
	}

}
