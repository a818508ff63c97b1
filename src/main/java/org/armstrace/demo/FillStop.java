package org.armstrace.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stops a demo fill with the application, between two of its batches. Each batch is one
 * transaction, so the fill ends with what it has committed and resumes at the next start;
 * without this, stopping the application in the first minutes closed the database under a
 * batch being written, and the fill's thread died with an error. Stopped first (highest
 * phase): the database is still open while the last batch commits.
 */
@Component
class FillStop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FillStop.class);

	private volatile boolean requested;

	private volatile boolean running;

	private volatile Thread fill;

	/**
	 * Runs {@code work} on a thread of its own, which stopping the application awaits.
	 */
	synchronized void startFill(Runnable work) {
		if (fill != null && fill.isAlive()) {
			throw new IllegalStateException("a demo fill is running already");
		}
		Thread thread = new Thread(work, "demo-fill");
		// the application's stop awaits it; a daemon never holds up a JVM that exits
		// otherwise (a command-line job)
		thread.setDaemon(true);
		fill = thread;
		thread.start();
	}

	/**
	 * Called before each batch: throws {@link Stopped} once the application is stopping.
	 */
	void check() {
		if (requested) {
			throw new Stopped();
		}
	}

	@Override
	public void start() {
		// a context paused and resumed is started again: batches may be written again
		requested = false;
		running = true;
	}

	@Override
	public void stop() {
		stop(() -> {
		});
	}

	@Override
	public void stop(Runnable callback) {
		running = false;
		requested = true;
		Thread thread = fill;
		if (thread == null || !thread.isAlive()) {
			callback.run();
			return;
		}
		log.info("Demo fill: stopping after the batch being written");
		Thread.ofVirtual().name("demo-fill-stop").start(() -> {
			try {
				thread.join();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			finally {
				callback.run();
			}
		});
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return DEFAULT_PHASE;
	}

	/** The application is stopping: the fill ends between two batches. */
	static final class Stopped extends RuntimeException {

		Stopped() {
			super("the application is stopping", null, false, false);
		}

	}

}
