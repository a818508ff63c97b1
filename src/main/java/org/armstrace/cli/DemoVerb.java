package org.armstrace.cli;

import org.armstrace.demo.DemoRegistry;
import org.armstrace.demo.DemoSeizures;
import org.armstrace.identity.ApiTokens;
import org.armstrace.identity.Users;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code demo [--size=N] [--seed=S] [--country=ISO3]}: the server keeps running; a node
 * without users gets one account per role and an API token acting as admin, printed once;
 * an empty registry is filled in the background with N generated firearms, then seizures,
 * so the UI and API answer while it grows.
 */
@Component
class DemoVerb implements Verb {

	private final Users users;

	private final ApiTokens tokens;

	private final DemoRegistry registry;

	private final DemoSeizures seizures;

	DemoVerb(Users users, ApiTokens tokens, DemoRegistry registry, DemoSeizures seizures) {
		this.users = users;
		this.tokens = tokens;
		this.registry = registry;
		this.seizures = seizures;
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
		if (!registry.registryIsEmpty()) {
			return 0;
		}
		int size = Integer.parseInt(Options.value(args, "size", "100000"));
		long seed = Long.parseLong(Options.value(args, "seed", "20261128"));
		String country = Options.value(args, "country", "AUT");
		Thread generator = new Thread(() -> {
			registry.generate(size, seed, country);
			if (seizures.isEmpty()) {
				seizures.generate(Math.max(10, size / 5), seed, country);
			}
		}, "demo-registry");
		generator.setDaemon(true);
		generator.start();
		return 0;
	}

}
