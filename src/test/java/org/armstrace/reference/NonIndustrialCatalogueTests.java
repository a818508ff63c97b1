package org.armstrace.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.armstrace.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The catalogue of non-industrial firearms starts with the designs seizures show most and
 * is extended by a State as data.
 */
@DatabaseTest
class NonIndustrialCatalogueTests {

	@Autowired
	NonIndustrialCatalogue catalogue;

	@Autowired
	TestUsers testUsers;

	@LocalServerPort
	int port;

	@Test
	void theStarterCatalogueCoversEveryFamilyOfEmergingThreat() {
		assertThat(catalogue.entries()).hasSizeGreaterThanOrEqualTo(12)
			.extracting(NonIndustrialCatalogue.Entry::kind)
			.contains(NonIndustrialKind.CRAFT_MADE, NonIndustrialKind.PRINTED_3D, NonIndustrialKind.CONVERTED_ALARM,
					NonIndustrialKind.CONVERTED_GAS, NonIndustrialKind.CONVERTED_AIRSOFT, NonIndustrialKind.REACTIVATED,
					NonIndustrialKind.MODULAR, NonIndustrialKind.POLYMER_FRAME, NonIndustrialKind.FLOBERT);
		assertThat(catalogue.entry("FGC-9")).hasValueSatisfying(e -> {
			assertThat(e.kind()).isEqualTo(NonIndustrialKind.PRINTED_3D);
			assertThat(e.recognition()).isNotBlank();
			assertThat(e.markings()).contains("serial");
			assertThat(e.sources()).isNotBlank();
		});
	}

	@Test
	void anAdminAddsADesignWithTheHashesOfItsFilesAndOthersReadIt() {
		Api api = new Api(port);
		String code = "TEST-PRINT-" + System.nanoTime() % 1_000_000;
		HttpResponse<String> added = api.post("/api/v1/reference/non-industrial", testUsers.token(Role.ADMIN), """
				{"code": "%s", "kind": "PRINTED_3D", "name": "Printed pistol frame seen in a 2026 case",
				 "recognition": "Printed frame, commercial slide", "markings": "None",
				 "fileHashes": "sha256:0f3a9c", "sources": "Case file"}""".formatted(code));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(200);

		HttpResponse<String> read = api.get("/api/v1/reference/non-industrial/" + code,
				testUsers.token(Role.INVESTIGATOR));
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(Api.json(read).path("fileHashes").asString()).isEqualTo("sha256:0f3a9c");
		assertThat(api
			.post("/api/v1/reference/non-industrial", testUsers.token(Role.REGISTRAR),
					"{\"code\": \"X\", \"kind\": \"FLOBERT\", \"name\": \"x\"}")
			.statusCode()).isEqualTo(403);
		assertThat(api
			.post("/api/v1/reference/non-industrial", testUsers.token(Role.ADMIN),
					"{\"code\": \"no spaces\", \"kind\": \"FLOBERT\", \"name\": \"x\"}")
			.statusCode()).isEqualTo(400);
		assertThat(api.get("/api/v1/reference/non-industrial/NO-SUCH", testUsers.token(Role.ADMIN)).statusCode())
			.isEqualTo(404);
	}

	@Test
	void theAdminPageListsAndSavesEntries() {
		WebSession admin = WebSession.signIn(port, testUsers.user(Role.ADMIN).username());
		String code = "TEST-CRAFT-" + System.nanoTime() % 1_000_000;

		HttpResponse<String> saved = admin.post("/admin/non-industrial", "/admin/non-industrial",
				Map.of("code", code, "kind", "CRAFT_MADE", "name", "Workshop pistol", "markings", "None"));

		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).contains("id=\"saved\"").contains("FGC-9").contains(code);
		assertThat(catalogue.entry(code)).hasValueSatisfying(e -> assertThat(e.markings()).isEqualTo("None"));
	}

}
