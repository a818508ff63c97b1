package org.armstrace.web;

import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

import org.armstrace.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person ({@code me}) into every page's model, for the navigation. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUser {

	record Me(String username, Set<String> roles) {
		public boolean auditor() {
			return roles.contains("ROLE_AUDITOR") || roles.contains("ROLE_ADMIN");
		}

		public boolean admin() {
			return roles.contains("ROLE_ADMIN");
		}

		/** Handles licences: the licensing pages. */
		public boolean licensing() {
			return roles.contains("ROLE_ADMIN") || roles.contains("ROLE_LICENSING");
		}

		/** May read individual records: the search and the record pages. */
		public boolean reader() {
			return Role.READERS.stream().anyMatch(role -> roles.contains(role.authority()));
		}

		/** May trace from observed markings and open trace requests. */
		public boolean tracer() {
			return roles.contains("ROLE_ADMIN") || roles.contains("ROLE_REGISTRAR") || roles.contains("ROLE_CUSTOMS")
					|| roles.contains("ROLE_INVESTIGATOR");
		}

		/** May read trace requests. */
		public boolean traceReader() {
			return tracer() || roles.contains("ROLE_AUDITOR");
		}

		/** May export IAFQ data. */
		public boolean iafq() {
			return roles.contains("ROLE_ADMIN") || roles.contains("ROLE_REGISTRAR") || roles.contains("ROLE_ANALYST");
		}

		/** May read the diversion alerts of international transfers. */
		public boolean transferAlerts() {
			return roles.contains("ROLE_ADMIN") || roles.contains("ROLE_LICENSING") || roles.contains("ROLE_CUSTOMS")
					|| roles.contains("ROLE_INVESTIGATOR") || roles.contains("ROLE_AUDITOR");
		}

		/** The national focal point's pages of international exchange. */
		public boolean focalPoint() {
			return roles.contains("ROLE_ADMIN") || roles.contains("ROLE_FOCAL_POINT");
		}

		/** May read the networks of linked shipments and their alerts. */
		public boolean shipmentAnalyst() {
			return roles.contains("ROLE_ADMIN") || roles.contains("ROLE_CUSTOMS") || roles.contains("ROLE_INVESTIGATOR")
					|| roles.contains("ROLE_ANALYST") || roles.contains("ROLE_AUDITOR");
		}

		/** May read the dealer and buyer cross-checks. */
		public boolean crossChecks() {
			return roles.contains("ROLE_ADMIN") || roles.contains("ROLE_LICENSING")
					|| roles.contains("ROLE_INVESTIGATOR") || roles.contains("ROLE_ANALYST")
					|| roles.contains("ROLE_AUDITOR");
		}

		/** May read the analysis dashboard. */
		public boolean analysis() {
			return roles.contains("ROLE_ADMIN") || roles.contains("ROLE_REGISTRAR")
					|| roles.contains("ROLE_INVESTIGATOR") || roles.contains("ROLE_ANALYST")
					|| roles.contains("ROLE_AUDITOR");
		}

		/** May read investigation cases. */
		public boolean caseReader() {
			return roles.contains("ROLE_ADMIN") || roles.contains("ROLE_INVESTIGATOR")
					|| roles.contains("ROLE_AUDITOR");
		}

		/** Keeps a dealer's stock and register. */
		public boolean dealer() {
			return roles.contains("ROLE_DEALER");
		}

		public boolean importer() {
			return roles.contains("ROLE_REGISTRAR") || roles.contains("ROLE_ADMIN");
		}
	}

	@ModelAttribute("me")
	Me me(Principal principal) {
		if (!(principal instanceof Authentication authentication) || !authentication.isAuthenticated()) {
			return null;
		}
		return new Me(authentication.getName(),
				authentication.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.collect(Collectors.toSet()));
	}

}
