package org.armstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.armstrace.ArmsTraceApplication;
import org.armstrace.DatabaseTest;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A command-line job reads the ledger and signs nothing: a verify run over a tampered log
 * must not put a new signed head over it. Only the server signs.
 */
@DatabaseTest
@TestPropertySource(properties = { "armstrace.ledger.sign-checkpoints=false", "armstrace.test.context=job" })
class JobsSignNoHeadTests {

	@Autowired
	Ledger ledger;

	@Autowired
	VerifyVerb verify;

	@Autowired
	JdbcClient jdbc;

	@Test
	void onlyTheServingVerbsSignHeads() {
		assertThat(ArmsTraceApplication.defaults("verify")).containsEntry("armstrace.ledger.sign-checkpoints", "false");
		assertThat(ArmsTraceApplication.defaults("rebuild")).containsEntry("armstrace.ledger.sign-checkpoints",
				"false");
		assertThat(ArmsTraceApplication.defaults("serve")).doesNotContainKey("armstrace.ledger.sign-checkpoints");
		assertThat(ArmsTraceApplication.defaults("demo")).doesNotContainKey("armstrace.ledger.sign-checkpoints");
	}

	@Test
	void onlyTheServingVerbsWarmTheirTraceSearchesUp() {
		assertThat(ArmsTraceApplication.defaults("import")).containsEntry("armstrace.tracing.warm-up.searches", "0");
		assertThat(ArmsTraceApplication.defaults("verify")).containsEntry("armstrace.tracing.warm-up.searches", "0");
		assertThat(ArmsTraceApplication.defaults("serve")).doesNotContainKey("armstrace.tracing.warm-up.searches");
		assertThat(ArmsTraceApplication.defaults("demo")).doesNotContainKey("armstrace.tracing.warm-up.searches");
	}

	@Test
	void aJobsProcessSignsNoHeadNotEvenTheEmptyTreesWhileItVerifies() throws InterruptedException {
		ledger.append("user:registrar-1", TestEvents.items(0, 5));

		assertThat(verify.run(new DefaultApplicationArguments("verify", "--projections"))).isZero();
		// the signer polls every 500 ms: a server would have signed the empty tree at
		// start and these entries by now
		Thread.sleep(1_500);

		assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_checkpoint").query(Long.class).single()).isZero();
	}

}
