package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A firearm on the record identified as a design of the non-industrial catalogue. */
@DatabaseTest
class NonIndustrialIdentificationTests {

	@Autowired
	RegistryFixture fixture;

	@Autowired
	RegistryQueries queries;

	@Autowired
	TestUsers testUsers;

	@LocalServerPort
	int port;

	@Test
	void aFirearmIdentifiedAsAPrintedDesignCarriesTheEntryAndItsKind() {
		UUID id = fixture.registeredPistolHeldBy(fixture.owner());
		Api api = new Api(port);
		String registrar = testUsers.token(Role.REGISTRAR);

		HttpResponse<String> identified = api.post("/api/v1/firearms/" + id + "/non-industrial-entry", registrar,
				"{\"entryCode\": \"FGC-9\"}");

		assertThat(identified.statusCode()).as(identified.body()).isEqualTo(201);
		RegistryQueries.FirearmView firearm = queries.firearm(id).orElseThrow();
		assertThat(firearm.nonIndustrialEntry()).isEqualTo("FGC-9");
		assertThat(firearm.kinds().printed3d()).isTrue();
		assertThat(firearm.timeline()).extracting(RegistryQueries.TimelineEvent::type)
			.contains("registry.firearm-identified-as-non-industrial");
		assertThat(api.get("/api/v1/trace/custody-chains/" + id, registrar).statusCode())
			.as("the chain of custody still reads the record")
			.isEqualTo(200);
	}

	@Test
	void anUnknownEntryOrFirearmIsRefused() {
		UUID id = fixture.registeredPistolHeldBy(fixture.owner());
		Api api = new Api(port);
		String registrar = testUsers.token(Role.REGISTRAR);

		HttpResponse<String> unknown = api.post("/api/v1/firearms/" + id + "/non-industrial-entry", registrar,
				"{\"entryCode\": \"NO-SUCH-DESIGN\"}");
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(Api.json(unknown).path("violations").get(0).path("rule").asString())
			.isEqualTo("NonIndustrialEntryIsKnown");
		assertThat(api
			.post("/api/v1/firearms/" + UUID.randomUUID() + "/non-industrial-entry", registrar,
					"{\"entryCode\": \"FGC-9\"}")
			.statusCode()).isEqualTo(404);
		assertThat(api
			.post("/api/v1/firearms/" + id + "/non-industrial-entry", testUsers.token(Role.ANALYST),
					"{\"entryCode\": \"FGC-9\"}")
			.statusCode()).isEqualTo(403);
	}

}
