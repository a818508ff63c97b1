package org.armstrace.identity;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP security, two chains. The API ({@code /api/**}, {@code /actuator/**}): stateless
 * bearer tokens, each acting for a user with that user's roles, checked against
 * {@link AccessRules}; open to anyone are the ledger's key, heads and proofs (hashes
 * only: witnesses and other States fetch them), health (its status) and the API
 * documentation. The web UI: form sign-in with a session, CSRF protection, and the
 * sign-in steps after the password ({@link SignInSteps}: a password of one's own after a
 * one-time one, the second factor). Both: a Content-Security-Policy, a Referrer-Policy
 * and HSTS behind TLS ({@link SecurityHeaders}); a token of an account that still has its
 * one-time password is refused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	private static final String BEARER = "Bearer ";

	private final JsonMapper json;

	private final Users users;

	private final AccessLog accessLog;

	private final ObjectProvider<ClientRegistrationRepository> clientRegistrations;

	private final OidcAccounts oidcAccounts;

	private final SignInSteps steps;

	SecurityConfiguration(JsonMapper json, Users users, AccessLog accessLog,
			ObjectProvider<ClientRegistrationRepository> clientRegistrations, OidcAccounts oidcAccounts,
			SignInSteps steps) {
		this.json = json;
		this.users = users;
		this.accessLog = accessLog;
		this.clientRegistrations = clientRegistrations;
		this.oidcAccounts = oidcAccounts;
		this.steps = steps;
	}

	/**
	 * Every rule of both chains that needs a signed-in person or a token also needs the
	 * sign-in steps taken ({@link SignInSteps}); public pages and endpoints do not.
	 */
	@Bean
	AuthorizationManagerFactory<RequestAuthorizationContext> authorizationManagerFactory() {
		DefaultAuthorizationManagerFactory<RequestAuthorizationContext> factory = new DefaultAuthorizationManagerFactory<>();
		factory.setAdditionalAuthorization(steps);
		return factory;
	}

	/**
	 * No observation around each security filter, authentication and authorization: a
	 * dozen per request that no dashboard reads; each request's latency is still measured
	 * (http_server_requests) and failed sign-ins still counted per account.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
		AuthenticationEntryPoint unauthorized = this::writeUnauthorized;
		AuthenticationManager byToken = authentication -> tokens.authenticate((String) authentication.getCredentials())
			.map(holder -> (Authentication) new PreAuthenticatedAuthenticationToken(holder, null,
					holder.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList()))
			.orElseThrow(() -> new BadCredentialsException("unknown or revoked API token"));
		AuthenticationFilter bearer = new AuthenticationFilter(byToken, SecurityConfiguration::bearerToken);
		bearer.setSuccessHandler((request, response, authentication) -> {
			// continue down the filter chain: no redirect, no session
		});
		bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(unauthorized));

		http.securityMatcher("/api/**", "/actuator/**").authorizeHttpRequests(requests -> {
			requests.requestMatchers(HttpMethod.GET, "/api/v1/ledger/key", "/api/v1/ledger/checkpoint",
					"/api/v1/ledger/heads", "/api/v1/ledger/heads/**", "/api/v1/ledger/proofs/**",
					"/api/v1/licence-verifications/*", "/api/v1/authorisation-verifications/*",
					"/api/v1/exchange/identity", "/api/v1/exchange/checkpoint", "/api/v1/deactivation-certificates/*",
					"/actuator/health", "/actuator/health/**", "/api/docs", "/api/docs/**", "/api/swagger-ui/**")
				.permitAll()
				// another State's node delivers here: each message carries its own
				// signature
				.requestMatchers(HttpMethod.POST, "/api/v1/exchange/inbox", "/api/v1/exchange/cosignatures")
				.permitAll();
			for (AccessRules.Rule rule : AccessRules.API) {
				requests.requestMatchers(rule.method(), rule.pattern())
					.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
			}
			requests.anyRequest().hasRole(Role.ADMIN.name());
		})
			.addFilterBefore(bearer, AuthorizationFilter.class)
			.headers(headers -> SecurityHeaders.apply(headers, SecurityHeaders.API_POLICY))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens are not sent by browsers on their own, so there is no
			// cross-site request to forge.
			.csrf(csrf -> csrf.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.exceptionHandling(
					errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden()));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(this::pageRules)
			.formLogin(form -> form.loginPage("/sign-in")
				.loginProcessingUrl("/sign-in")
				.failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
						+ (failure instanceof CredentialsExpiredException ? "/sign-in?used" : "/sign-in?error")))
				.successHandler((request, response, authentication) -> response
					.sendRedirect(request.getContextPath() + steps.next(authentication))))
			.logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?out"))
			.headers(headers -> SecurityHeaders.apply(headers, SecurityHeaders.PAGE_POLICY))
			.exceptionHandling(this::pageRefusals);
		if (clientRegistrations.getIfAvailable() != null) {
			// OIDC sign-in beside the password form, only when a provider is configured
			http.oauth2Login(oidc -> oidc.loginPage("/sign-in")
				.failureUrl("/sign-in?error")
				.userInfoEndpoint(info -> info.oidcUserService(oidcAccounts.service()))
				.defaultSuccessUrl("/", true));
		}
		return http.build();
	}

	/**
	 * Who may reach which page; the sign-in steps' own pages ask only for the steps
	 * before.
	 */
	private void pageRules(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		String[] readers = AccessRules.READERS.stream().map(Role::name).toArray(String[]::new);
		requests.requestMatchers("/sign-in", "/checks", "/favicon.ico", "/error", "/webjars/**", "/js/**")
			.permitAll()
			.requestMatchers(SignInSteps.PASSWORD_PAGE)
			.access(steps.allowing(SignInSteps.NEW_PASSWORD))
			.requestMatchers(SignInSteps.CODE_PAGE, SignInSteps.ENROLMENT_PAGE)
			.access(steps.allowing(SignInSteps.TOTP))
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/audit/**", "/ledger/verify", "/ledger/projections/verify")
			.hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
			.requestMatchers("/licences", "/licences/**")
			.hasAnyRole(Role.ADMIN.name(), Role.LICENSING.name())
			.requestMatchers("/imports", "/imports/**")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name())
			.requestMatchers(HttpMethod.POST, "/data-quality/**")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name())
			.requestMatchers("/data-quality")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name(), Role.ANALYST.name())
			.requestMatchers("/firearms/*/transfer")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name(), Role.DEALER.name())
			.requestMatchers("/firearms/*/actions/lost-report", "/firearms/*/actions/theft-report")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name(), Role.INVESTIGATOR.name(), Role.DEALER.name())
			.requestMatchers("/firearms/new")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name())
			.requestMatchers("/holders/new")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name(), Role.LICENSING.name())
			.requestMatchers("/transfers/new")
			.hasAnyRole(Role.ADMIN.name(), Role.LICENSING.name())
			.requestMatchers("/exchange/peers")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/exchange", "/exchange/**")
			.hasAnyRole(Role.ADMIN.name(), Role.FOCAL_POINT.name())
			.requestMatchers(HttpMethod.POST, "/transfers/*/consignment", "/consignments/*/receipt")
			.hasAnyRole(Role.ADMIN.name(), Role.LICENSING.name(), Role.CUSTOMS.name())
			.requestMatchers(HttpMethod.POST, "/transfers/**")
			.hasAnyRole(Role.ADMIN.name(), Role.LICENSING.name())
			.requestMatchers(HttpMethod.GET, "/transfers/alerts", "/transfers/alerts.csv")
			.hasAnyRole(Role.ADMIN.name(), Role.LICENSING.name(), Role.CUSTOMS.name(), Role.INVESTIGATOR.name(),
					Role.AUDITOR.name())
			.requestMatchers(HttpMethod.GET, "/transfers", "/transfers/*")
			.hasAnyRole(readers)
			.requestMatchers(HttpMethod.GET, "/holders/*")
			.hasAnyRole(readers)
			.requestMatchers("/dealer", "/dealer/**")
			.hasRole(Role.DEALER.name())
			.requestMatchers("/parts/new", "/parts/*/fitting", "/parts/*/removal", "/ammunition-lots/new",
					"/ammunition-lots/*/consumption")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name())
			.requestMatchers(HttpMethod.POST, "/ammunition-lots/*/transfer")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name(), Role.DEALER.name())
			.requestMatchers(HttpMethod.GET, "/parts/*", "/ammunition-lots/*")
			.hasAnyRole(Stream.concat(Arrays.stream(readers), Stream.of(Role.DEALER.name())).toArray(String[]::new))
			.requestMatchers(HttpMethod.POST, "/investigation-cases/*/persons",
					"/investigation-cases/*/financial-information")
			.hasAnyRole(Role.ADMIN.name(), Role.INVESTIGATOR.name())
			.requestMatchers(HttpMethod.GET, "/investigation-cases/*")
			.hasAnyRole(Role.ADMIN.name(), Role.INVESTIGATOR.name(), Role.AUDITOR.name())
			.requestMatchers(HttpMethod.GET, "/firearms/*")
			.hasAnyRole(Stream.concat(Arrays.stream(readers), Stream.of(Role.DEALER.name())).toArray(String[]::new))
			.requestMatchers("/firearms", "/firearms/**")
			.hasAnyRole(readers)
			.requestMatchers(HttpMethod.POST, "/seized-items/*/destruction", "/destructions/*/approval")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name())
			.requestMatchers(HttpMethod.POST, "/seizures", "/seized-items/**")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name(), Role.CUSTOMS.name(), Role.INVESTIGATOR.name())
			.requestMatchers("/seizures/new")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name(), Role.CUSTOMS.name(), Role.INVESTIGATOR.name())
			.requestMatchers("/seizures", "/seizures/**", "/seized-items/**", "/custody", "/custody/**",
					"/destructions")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name(), Role.CUSTOMS.name(), Role.INVESTIGATOR.name(),
					Role.AUDITOR.name())
			.requestMatchers(HttpMethod.GET, "/analytics/shipment-networks", "/analytics/shipment-networks/*")
			.hasAnyRole(Role.ADMIN.name(), Role.CUSTOMS.name(), Role.INVESTIGATOR.name(), Role.ANALYST.name(),
					Role.AUDITOR.name())
			.requestMatchers(HttpMethod.GET, "/analytics/cross-checks", "/analytics/cross-checks/*")
			.hasAnyRole(Role.ADMIN.name(), Role.LICENSING.name(), Role.INVESTIGATOR.name(), Role.ANALYST.name(),
					Role.AUDITOR.name())
			.requestMatchers(HttpMethod.GET, "/analytics/links")
			.hasAnyRole(Role.ADMIN.name(), Role.INVESTIGATOR.name(), Role.AUDITOR.name())
			.requestMatchers(HttpMethod.GET, "/analytics/dashboard", "/analytics/dashboard/*", "/analytics/map")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name(), Role.INVESTIGATOR.name(), Role.ANALYST.name(),
					Role.AUDITOR.name())
			.requestMatchers("/iafq", "/iafq/**")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name(), Role.ANALYST.name())
			.requestMatchers(HttpMethod.POST, "/trace-requests")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name(), Role.CUSTOMS.name(), Role.INVESTIGATOR.name())
			.requestMatchers(HttpMethod.POST, "/trace-requests/**")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name(), Role.INVESTIGATOR.name())
			.requestMatchers("/trace", "/trace-requests/new")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name(), Role.CUSTOMS.name(), Role.INVESTIGATOR.name())
			.requestMatchers("/trace-requests", "/trace-requests/**")
			.hasAnyRole(Role.ADMIN.name(), Role.REGISTRAR.name(), Role.CUSTOMS.name(), Role.INVESTIGATOR.name(),
					Role.AUDITOR.name())
			.anyRequest()
			.authenticated();
	}

	/**
	 * A page refused for a role: 403, written to the access log; a sign-in step still to
	 * take: a redirect to its page.
	 */
	private void pageRefusals(ExceptionHandlingConfigurer<HttpSecurity> errors) {
		errors.defaultAccessDeniedHandlerFor((request, response, denied) -> {
			accessLog.record(request.getUserPrincipal(), AccessLog.Action.REFUSED,
					request.getMethod() + " " + request.getRequestURI(), null, null, null);
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
		}, AnyRequestMatcher.INSTANCE)
			.defaultDeniedHandlerForMissingAuthority(steps.redirectTo(SignInSteps.NEW_PASSWORD),
					SignInSteps.NEW_PASSWORD)
			.defaultDeniedHandlerForMissingAuthority(steps.redirectTo(SignInSteps.TOTP), SignInSteps.TOTP);
	}

	/**
	 * Counts wrong passwords (and locks the account at the limit); a right one resets the
	 * count.
	 */
	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof String username) {
			users.recordFailure(username);
		}
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (!(event.getAuthentication().getPrincipal() instanceof ApiTokens.TokenHolder)) {
			users.recordSuccess(event.getAuthentication().getName());
		}
	}

	/**
	 * The token from an {@code Authorization: Bearer ...} header, or null to leave the
	 * request anonymous.
	 */
	private static PreAuthenticatedAuthenticationToken bearerToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		return new PreAuthenticatedAuthenticationToken("api-token", header.substring(BEARER.length()).trim());
	}

	/** A refused access is answered with a problem and written to the access log. */
	private AccessDeniedHandler forbidden() {
		return (request, response, denied) -> {
			accessLog.record(request.getUserPrincipal(), AccessLog.Action.REFUSED,
					request.getMethod() + " " + request.getRequestURI(), null,
					request.getHeader(AccessLog.PURPOSE_HEADER), null);
			boolean oneTimePassword = denied instanceof AuthorizationDeniedException refusal
					&& refusal.getAuthorizationResult() instanceof FactorAuthorizationDecision;
			writeProblem(request, response, HttpStatus.FORBIDDEN,
					oneTimePassword
							? "the account this token acts for still has its one-time password: sign in and choose a "
									+ "password of your own first"
							: "your role does not allow " + request.getMethod() + " " + request.getRequestURI());
		};
	}

	private void writeUnauthorized(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer");
		writeProblem(request, response, HttpStatus.UNAUTHORIZED, failure instanceof BadCredentialsException
				? failure.getMessage() : "this resource needs an API token: send 'Authorization: Bearer <token>'");
	}

	private void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
