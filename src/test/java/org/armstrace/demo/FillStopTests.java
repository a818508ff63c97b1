package org.armstrace.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class FillStopTests {

	@Test
	void stoppingWaitsForTheBatchBeingWrittenAndTheFillWritesNoOther() throws Exception {
		FillStop stop = new FillStop();
		stop.start();
		AtomicInteger batches = new AtomicInteger();
		AtomicBoolean inBatch = new AtomicBoolean();
		CountDownLatch writing = new CountDownLatch(1);
		stop.startFill(() -> {
			try {
				while (true) {
					stop.check();
					inBatch.set(true);
					writing.countDown();
					sleep(50);
					batches.incrementAndGet();
					inBatch.set(false);
				}
			}
			catch (FillStop.Stopped expected) {
				// as DemoFill ends a fill
			}
		});
		assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
		CountDownLatch stopped = new CountDownLatch(1);
		AtomicBoolean batchOpenWhenStopped = new AtomicBoolean(true);
		stop.stop(() -> {
			batchOpenWhenStopped.set(inBatch.get());
			stopped.countDown();
		});
		assertThat(stopped.await(10, TimeUnit.SECONDS)).as("the application's stop went on").isTrue();
		assertThat(batchOpenWhenStopped).as("a batch still being written when the stop went on").isFalse();
		int written = batches.get();
		sleep(200);
		assertThat(batches.get()).as("batches written after the stop").isEqualTo(written);
	}

	@Test
	void aStoppedApplicationStartedAgainWritesAgain() {
		// as a paused context is resumed
		FillStop stop = new FillStop();
		stop.start();
		stop.check();
		stop.stop();
		assertThat(stop.isRunning()).isFalse();
		assertThatThrownBy(stop::check).isInstanceOf(FillStop.Stopped.class);
		stop.start();
		stop.check();
		assertThat(stop.isRunning()).isTrue();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
