package org.armstrace.identity;

/** What a person or machine may do; the matrix of which role reaches what is in docs/roles.md. */
public enum Role {
	ADMIN, REGISTRAR, LICENSING, CUSTOMS, INVESTIGATOR, ANALYST, AUDITOR, DEALER;

	/** The Spring Security authority, e.g. ROLE_REGISTRAR. */
	public String authority() {
		return "ROLE_" + name();
	}
}
