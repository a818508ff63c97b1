package org.armstrace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@DatabaseTest
class AccountTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	Users users;

	@Test
	void aUserCreatesATokenActingWithTheirRolesAndRevokesIt() {
		Api api = new Api(port);
		String first = testUsers.token(Role.ANALYST);

		HttpResponse<String> created = api.post("/api/v1/account/tokens", first, "{\"label\":\"my script\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		String second = Api.json(created).path("token").asString();
		String secondId = Api.json(created).path("id").asString();
		assertThat(api.get("/api/v1/registry/data-quality", second).statusCode()).isEqualTo(200);
		assertThat(api.get("/api/v1/firearms?serial=A", second).statusCode()).as("an analyst reads no records")
			.isEqualTo(403);

		JsonNode mine = Api.json(api.get("/api/v1/account/tokens", first));
		assertThat(mine.valueStream().map(t -> t.path("label").asString())).contains("my script", "test");
		assertThat(mine.toString()).doesNotContain(second);

		HttpResponse<String> revoked = api.delete("/api/v1/account/tokens/" + secondId, first);
		assertThat(revoked.statusCode()).isEqualTo(204);
		assertThat(api.get("/api/v1/registry/data-quality", second).statusCode()).isEqualTo(401);
	}

	@Test
	void anAdminCreatesAUserWhoMustChooseAPasswordAtFirstSignIn() {
		Api api = new Api(port);
		String admin = testUsers.token(Role.ADMIN);
		HttpResponse<String> created = api.post("/api/v1/users", admin,
				"{\"username\":\"customs-officer-" + System.nanoTime() % 100000 + "\",\"roles\":[\"CUSTOMS\"]}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String username = Api.json(created).path("username").asString();
		assertThat(Api.json(created).path("oneTimePassword").asString()).hasSize(20);
		assertThat(users.find(username).orElseThrow().mustChangePassword()).isTrue();
		assertThat(api.post("/api/v1/users", admin, "{\"username\":\"x\",\"roles\":[\"CUSTOMS\"]}").statusCode())
			.isEqualTo(400);
	}

}
