package org.armstrace.identity;

import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;

/**
 * What a person or machine may do; the matrix of which role reaches what is in
 * docs/roles.md.
 */
public enum Role {

	ADMIN, REGISTRAR, LICENSING, CUSTOMS, INVESTIGATOR, ANALYST, AUDITOR, DEALER,
	/**
	 * The national focal point (DP 34): sends and answers international trace requests
	 * and reads the records it needs to.
	 */
	FOCAL_POINT;

	/**
	 * The roles that read individual records (READERS in docs/roles.md): not ANALYST, who
	 * reads aggregates, nor DEALER, who records facts.
	 */
	public static final Set<Role> READERS = Set
		.copyOf(EnumSet.of(ADMIN, REGISTRAR, LICENSING, CUSTOMS, INVESTIGATOR, AUDITOR, FOCAL_POINT));

	/** The Spring Security authority, e.g. ROLE_REGISTRAR. */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * Whether the signed-in person (or token) holds any of the roles: what pages offer
	 * follows from it.
	 */
	public static boolean anyOf(Principal who, Role... roles) {
		return who instanceof Authentication authentication && authentication.getAuthorities()
			.stream()
			.anyMatch(a -> Arrays.stream(roles).anyMatch(r -> r.authority().equals(a.getAuthority())));
	}

	/** Whether the signed-in person (or token) may read individual records. */
	public static boolean readsRecords(Principal who) {
		return anyOf(who, READERS.toArray(Role[]::new));
	}

}
