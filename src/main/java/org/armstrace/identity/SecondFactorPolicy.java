package org.armstrace.identity;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which roles must sign in with a second factor:
 * {@code armstrace.security.mfa.required-roles} (default ADMIN and AUDITOR; empty for
 * none). A person holding any of them reaches nothing but the enrolment page until they
 * have enrolled one; anyone else may enrol, and once enrolled is asked for the code at
 * every sign-in.
 */
@Component
class SecondFactorPolicy {

	private final Set<Role> required;

	SecondFactorPolicy(@Value("${armstrace.security.mfa.required-roles:ADMIN,AUDITOR}") Set<Role> required) {
		this.required = required.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(required);
	}

	boolean requires(Users.Account account) {
		return requires(account.roles());
	}

	boolean requires(Set<Role> roles) {
		return roles.stream().anyMatch(required::contains);
	}

}
