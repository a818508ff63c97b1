package org.armstrace.tracing;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Part of one trace search done on another core while the request's own thread does the
 * rest: an officer waits for one search at a time, and on a machine of few cores the
 * others are idle meanwhile. A part no helper has started by the time it is needed is
 * done by the request's thread itself, so a busy server (every core answering requests)
 * never waits for a helper: it only loses the head start.
 */
final class SecondCore {

	/** One helper per core beyond the first; none on a single core. */
	private static final ExecutorService HELPERS = helpers(Runtime.getRuntime().availableProcessors() - 1);

	private SecondCore() {
	}

	/**
	 * A part begun on a helper; {@link Part#get()} finishes it here if none has begun.
	 */
	static <T> Part<T> start(Callable<T> work) {
		Part<T> part = new Part<>(work);
		if (HELPERS != null) {
			HELPERS.execute(part);
		}
		return part;
	}

	/**
	 * A part that waits rather than works (a read from the database): begun on a virtual
	 * thread of its own, so it holds neither a helper nor a core while it waits.
	 */
	static <T> Part<T> alongside(Callable<T> wait) {
		Part<T> part = new Part<>(wait);
		Thread.ofVirtual().name("trace-wait").start(part);
		return part;
	}

	/** A part done here and now (where a helper must not do it). */
	static <T> Part<T> here(Callable<T> work) {
		Part<T> part = new Part<>(work);
		part.run();
		return part;
	}

	static final class Part<T> extends FutureTask<T> {

		private Part(Callable<T> work) {
			super(work);
		}

		/** The part's result: done here if no helper began it (a no-op if one did). */
		@Override
		public T get() {
			run();
			try {
				return super.get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while a search's other part finished", e);
			}
			catch (ExecutionException e) {
				if (e.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (e.getCause() instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(e.getCause());
			}
		}

	}

	private static ExecutorService helpers(int count) {
		if (count < 1) {
			return null;
		}
		AtomicInteger number = new AtomicInteger();
		return Executors.newFixedThreadPool(count, work -> {
			Thread thread = new Thread(work, "trace-helper-" + number.incrementAndGet());
			// never holds the process open: a part left undone is done by the request
			thread.setDaemon(true);
			return thread;
		});
	}

}
