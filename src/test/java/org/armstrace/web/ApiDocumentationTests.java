package org.armstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@DatabaseTest
class ApiDocumentationTests {

	@LocalServerPort
	int port;

	@Test
	void theApiDocumentationAndTheSignInPageAreOpenWithoutAToken() {
		Api api = new Api(port);
		var openApi = Api.json(api.get("/api/docs/openapi.json"));
		assertThat(openApi.path("info").path("title").asString()).isEqualTo("ArmsTrace API");
		assertThat(openApi.path("paths").has("/api/v1/ledger/proofs/inclusion")).isTrue();
		assertThat(api.get("/api/swagger-ui/index.html").statusCode()).isEqualTo(200);
		assertThat(api.get("/sign-in").body()).contains("ArmsTrace");
	}

}
