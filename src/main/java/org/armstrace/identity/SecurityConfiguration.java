package org.armstrace.identity;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP security. Open to anyone: the ledger's key, heads and proofs (hashes only: witnesses and other States
 * fetch them), health, the API documentation and the landing page. Everything else needs a bearer token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	private static final String BEARER = "Bearer ";

	private final JsonMapper json;

	SecurityConfiguration(JsonMapper json) {
		this.json = json;
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
		AuthenticationEntryPoint unauthorized = this::writeUnauthorized;
		AuthenticationManager byToken = authentication -> tokens
			.authenticate((String) authentication.getCredentials())
			.map(holder -> (Authentication) new PreAuthenticatedAuthenticationToken(
					holder, null, List.of(new SimpleGrantedAuthority("ROLE_API"))))
			.orElseThrow(() -> new BadCredentialsException("unknown or revoked API token"));
		AuthenticationFilter bearer = new AuthenticationFilter(byToken, SecurityConfiguration::bearerToken);
		bearer.setSuccessHandler((request, response, authentication) -> {
			// continue down the filter chain: no redirect, no session
		});
		bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(unauthorized));

		http.authorizeHttpRequests(requests -> requests
			.requestMatchers(HttpMethod.GET, "/api/v1/ledger/key", "/api/v1/ledger/checkpoint",
					"/api/v1/ledger/heads", "/api/v1/ledger/heads/**", "/api/v1/ledger/proofs/**")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/", "/index.html", "/favicon.ico", "/actuator/health",
					"/actuator/health/**", "/api/docs", "/api/docs/**", "/api/swagger-ui/**", "/error")
			.permitAll()
			.anyRequest().authenticated())
			.addFilterBefore(bearer, AuthorizationFilter.class)
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens are not sent by browsers on their own, so there is no cross-site request to forge.
			.csrf(csrf -> csrf.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized));
		return http.build();
	}

	/** The token from an {@code Authorization: Bearer ...} header, or null to leave the request anonymous. */
	private static PreAuthenticatedAuthenticationToken bearerToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		return new PreAuthenticatedAuthenticationToken("api-token", header.substring(BEARER.length()).trim());
	}

	private void writeUnauthorized(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		String detail = failure instanceof BadCredentialsException ? failure.getMessage()
				: "this resource needs an API token: send 'Authorization: Bearer <token>'";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader("WWW-Authenticate", "Bearer");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
