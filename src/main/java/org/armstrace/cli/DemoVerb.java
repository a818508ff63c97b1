package org.armstrace.cli;

import org.armstrace.demo.DemoFill;
import org.armstrace.identity.ApiTokens;
import org.armstrace.identity.Users;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code demo [--size=N] [--seed=S] [--country=ISO3]}: the server keeps running; a node
 * without users gets one account per role and an API token acting as admin, printed once;
 * an empty registry is filled in the background with N generated firearms, then seizures,
 * so the UI and API answer while it grows. A fill interrupted by a killed process is
 * resumed at the next start, as it was planned.
 */
@Component
class DemoVerb implements Verb {

	private final Users users;

	private final ApiTokens tokens;

	private final DemoFill fill;

	DemoVerb(Users users, ApiTokens tokens, DemoFill fill) {
		this.users = users;
		this.tokens = tokens;
		this.fill = fill;
	}

	@Override
	public String name() {
		return CommandLineVerbs.DEMO;
	}

	@Override
	public int run(ApplicationArguments args) {
		if (!users.anyExists()) {
			Users.Account admin = users.createDemoAccounts().getFirst();
			System.out.println("\n  ArmsTrace demo: one account per role, password <role>-demo-2026 (registrar /"
					+ " registrar-demo-2026; admin, licensing, customs, investigator, analyst, auditor, dealer alike)."
					+ "\n  API token acting as admin (shown once): " + tokens.issue(admin.id(), "demo").token() + "\n");
		}
		DemoFill.Plan plan = fill.unfinished().orElse(null);
		if (plan == null) {
			int size = Integer.parseInt(Options.value(args, "size", "100000"));
			long seed = Long.parseLong(Options.value(args, "seed", "20261128"));
			String country = Options.value(args, "country", "AUT");
			if (!fill.plan(size, seed, country)) {
				return 0;
			}
			plan = new DemoFill.Plan(size, seed, country, false);
		}
		fill.startInBackground(plan);
		return 0;
	}

}
