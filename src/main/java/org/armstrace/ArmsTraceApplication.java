package org.armstrace;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.armstrace.cli.CommandLineVerbs;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One jar, several verbs: {@code serve} (the default) runs the server; the others
 * ({@code verify}, {@code benchmark-ledger}, ...) run one job against the same database
 * and exit with its status.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class ArmsTraceApplication {

	public static void main(String[] args) {
		String verb = CommandLineVerbs.verbOf(args);
		SpringApplication application = new SpringApplication(ArmsTraceApplication.class);
		application.setDefaultProperties(defaults(verb));
		if (!CommandLineVerbs.serves(verb)) {
			application.setWebApplicationType(WebApplicationType.NONE);
		}
		ConfigurableApplicationContext context = application.run(args);
		if (!CommandLineVerbs.serves(verb)) {
			System.exit(SpringApplication.exit(context));
		}
	}

	/**
	 * Where data lives: ARMSTRACE_HOME (default ./data), made absolute because H2 refuses
	 * implicitly relative paths. These are defaults: SPRING_DATASOURCE_URL and friends
	 * still win.
	 */
	public static Map<String, Object> defaults(String verb) {
		String configured = System.getenv().getOrDefault("ARMSTRACE_HOME", "./data");
		Path home = Path.of(System.getProperty("armstrace.home", configured)).toAbsolutePath().normalize();
		Map<String, Object> defaults = new HashMap<>();
		defaults.put("armstrace.home", home.toString());
		if (CommandLineVerbs.DEMO.equals(verb)) {
			// the demo's accounts have published passwords and no second factor: nobody
			// must enrol one (anyone may); pass the property to try the real policy
			defaults.put("armstrace.security.mfa.required-roles", "");
		}
		if (!CommandLineVerbs.serves(verb)) {
			defaults.put("spring.main.banner-mode", "off");
			defaults.put("logging.level.root", "WARN");
			// a one-off job leaves the search index to the server, which catches it up
			// from the ledger at start
			defaults.put("armstrace.tracing.index-updates", "false");
			// and answers no officer's search: nothing to warm up
			defaults.put("armstrace.tracing.warm-up.searches", "0");
			// only the server signs heads: a job, verify above all, must not sign over
			// what
			// it reads
			defaults.put("armstrace.ledger.sign-checkpoints", "false");
			defaults.put("armstrace.projections.check-cron", "-");
			defaults.put("armstrace.licensing.expire-at-start", "false");
			defaults.put("armstrace.licensing.expiry-cron", "-");
		}
		return defaults;
	}

}
