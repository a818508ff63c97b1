package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.identity.Role;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.JsonNode;

/**
 * Tracing over HTTP: search, a trace request from open to answered, its reports, and
 * refusals that name fields.
 */
@DatabaseTest
class TracingApiTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	FirearmCommands firearms;

	@Autowired
	Tracing tracing;

	@Autowired
	MeterRegistry meters;

	Api api;

	String token;

	@BeforeEach
	void client() {
		api = new Api(port);
		token = testUsers.token(Role.INVESTIGATOR);
	}

	@Test
	void theSearchItselfIsTimedApartFromTheWebLayerAndARefusedSearchIsNot() {
		Timer searches = meters.get("armstrace.tracing.search").timer();
		long before = searches.count();
		assertThat(api.post("/api/v1/trace/search", token, "{\"serial\": \"TIMED1\"}").statusCode()).isEqualTo(200);
		assertThat(api.post("/api/v1/trace/search", token, "{\"serial\": \"??\"}").statusCode()).isEqualTo(422);
		assertThat(searches.count()).isEqualTo(before + 1);
		assertThat(searches.totalTime(TimeUnit.NANOSECONDS)).isPositive();
	}

	@Test
	void aSearchAnswersRankedCandidatesAndARequestGoesFromOpenToAnsweredWithItsReports() {
		String serial = "API" + CustodyChainTests.numbers.incrementAndGet();
		UUID pistol = CustodyChainTests
			.ok(firearms.register(
					new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null, "Beretta", "92", "9x19mm", serial,
							"ITA", 2018, List.of(), null, null, false, LocalDate.of(2018, 1, 1)),
					CustodyChainTests.ACTOR, null));
		tracing.catchUp();

		HttpResponse<String> search = api.post("/api/v1/trace/search", token,
				"{\"serial\": \"" + serial.toLowerCase() + "\", \"make\": \"Beretta\"}");
		assertThat(search.statusCode()).isEqualTo(200);
		JsonNode top = Api.json(search).path("candidates").get(0);
		assertThat(top.path("firearmId").asString()).isEqualTo(pistol.toString());
		assertThat(top.path("band").asString()).isEqualTo("EXACT");
		assertThat(top.path("explanation").isArray()).isTrue();
		// each line of the explanation: its code and values, and its English sentence
		// beside them
		assertThat(top.path("explanation").valueStream().map(line -> line.path("code").asString())).contains("EXACT",
				"ATTRIBUTE_AGREES");
		assertThat(top.path("explanation").valueStream().map(line -> line.path("message").asString()))
			.contains("every character read and equal", "make agrees (Beretta)");
		assertThat(api.post("/api/v1/trace/search", token, "{\"make\": \"Beretta\"}").body()).contains("serial");

		String open = "{\"observed\": {\"serial\": \"" + serial + "\", \"make\": \"Beretta\"}, \"priority\": "
				+ "\"ROUTINE\", \"firearmId\": \"" + pistol + "\"}";
		HttpResponse<String> opened = api.postWithHeader("/api/v1/trace-requests", token, open, "Idempotency-Key",
				"api-test-" + serial);
		assertThat(opened.statusCode()).isEqualTo(201);
		String id = Api.json(opened).path("id").asString();
		assertThat(Api.json(opened).path("state").asString()).isEqualTo("CONFIRMED");
		HttpResponse<String> again = api.postWithHeader("/api/v1/trace-requests", token, open, "Idempotency-Key",
				"api-test-" + serial);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(Api.json(again).path("id").asString()).isEqualTo(id);

		HttpResponse<String> answered = api.post("/api/v1/trace-requests/" + id + "/answer", token, "");
		assertThat(answered.statusCode()).isEqualTo(201);
		assertThat(Api.json(answered).path("answer").path("chain").path("recordNumber").asString())
			.isEqualTo(Api.json(answered).path("recordNumber").asString());
		assertThat(api.post("/api/v1/trace-requests/" + id + "/answer", token, "").statusCode()).isEqualTo(422);

		HttpResponse<String> pdf = api.get("/api/v1/trace-requests/" + id + "/report.pdf?purpose=case%2042", token);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(pdf.body()).startsWith("%PDF");
		assertThat(api.get("/api/v1/trace-requests/" + id + "/report.pdf", token).statusCode()).isEqualTo(400);
		HttpResponse<String> json = api.get("/api/v1/trace-requests/" + id + "/report.json", token);
		assertThat(Api.json(json).path("state").asString()).isEqualTo("ANSWERED");

		String caseReference = Api.json(answered).path("caseReference").asString();
		assertThat(api.get("/api/v1/investigation-cases/" + caseReference, token).statusCode()).isEqualTo(400);
	}

	@Test
	void aBadTraceRequestIsRefusedWithEveryFieldAndRuleAndAMissingOneIsNotFound() {
		HttpResponse<String> refused = api.post("/api/v1/trace-requests", token, "{\"observed\": {\"serial\": \"A1\","
				+ " \"countryOfManufacture\": \"Narnia\"}, \"priority\": \"URGENT\"}");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(Api.json(refused).path("violations").valueStream().map(v -> v.path("field").asString()).toList())
			.containsExactlyInAnyOrder("observed.countryOfManufacture", "urgentReason");
		assertThat(api.post("/api/v1/trace-requests/" + UUID.randomUUID() + "/answer", token, "").statusCode())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/trace-requests?overdue=true", token).statusCode()).isEqualTo(200);
	}

}
