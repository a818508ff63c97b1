package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Half a search done on another core never makes the search wait for a busy helper, and a
 * failure there is the search's failure.
 */
class SecondCoreTests {

	@Test
	void aPartNoHelperHasBegunIsDoneByTheSearchItself() throws InterruptedException {
		CountDownLatch busy = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		// every helper busy with another search's part
		int helpers = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
		for (int i = 0; i < helpers; i++) {
			SecondCore.start(() -> {
				busy.countDown();
				return release.await(30, TimeUnit.SECONDS);
			});
		}
		try {
			busy.await(5, TimeUnit.SECONDS);
			SecondCore.Part<String> part = SecondCore.start(() -> Thread.currentThread().getName());

			assertThat(part.get()).isEqualTo(Thread.currentThread().getName());
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void aFailureInThePartIsTheSearchsFailure() {
		SecondCore.Part<String> part = SecondCore.start(() -> {
			throw new IllegalArgumentException("no such reading");
		});

		assertThatThrownBy(part::get).isInstanceOf(IllegalArgumentException.class).hasMessage("no such reading");
	}

}
