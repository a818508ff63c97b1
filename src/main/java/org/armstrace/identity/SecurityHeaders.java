package org.armstrace.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The headers of every answer, beside Spring Security's defaults (nosniff, frame denial,
 * no caching, and HSTS on requests that came over TLS, also through a proxy that says so
 * in X-Forwarded-Proto): a Content-Security-Policy and a Referrer-Policy.
 */
final class SecurityHeaders {

	/**
	 * The pages use only the node's own scripts and styles (GOV.UK Frontend and htmx from
	 * WebJars, two small files under /js): no inline script, style or handler, no eval.
	 */
	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * The API answers JSON, PDF and CSV; its documentation page (Swagger UI) sets inline
	 * styles, so styles may be inline there, scripts still only the node's own.
	 */
	static final String API_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private SecurityHeaders() {
	}

	static void apply(HeadersConfigurer<HttpSecurity> headers, String policy) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
	}

}
