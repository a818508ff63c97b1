package org.armstrace.web;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request the security firewall refuses (an encoded slash, a path that climbs out, a
 * header with control characters) is answered with a problem, as every other refusal is;
 * the refused value is not echoed back.
 */
@Configuration(proxyBeanMethods = false)
class RefusedRequests {

	@Bean
	RequestRejectedHandler problemForRejectedRequests(JsonMapper json) {
		return (request, response, rejected) -> write(response, json);
	}

	private static void write(HttpServletResponse response, JsonMapper json) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"the request's path or headers are not allowed");
		problem.setTitle("Request refused");
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(json.writeValueAsString(problem));
	}

}
