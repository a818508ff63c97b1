package org.armstrace.tracing;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Trace searches run before the instance reports ready, with readings made from the
 * index's own serials (a likely misreading, two characters swapped, a missing leading
 * part, an obliterated character): an instance just started answers its first few
 * thousand searches 30-40% slower while its JIT compiler is still at work, and officers
 * should not pay for that after a restart or a rolling upgrade. Nothing is written: no
 * access log, no ledger entry.
 */
@Component
class TraceWarmUp {

	private static final Logger log = LoggerFactory.getLogger(TraceWarmUp.class);

	private final Tracing tracing;

	private final FirearmIndex index;

	private final IndexUpdater updater;

	private final Confusions confusions;

	private final int searches;

	private final Duration atMost;

	private volatile boolean done;

	private volatile int ran;

	private volatile boolean stopping;

	TraceWarmUp(Tracing tracing, FirearmIndex index, IndexUpdater updater, Confusions confusions,
			@Value("${armstrace.tracing.warm-up.searches:3000}") int searches,
			@Value("${armstrace.tracing.warm-up.at-most:PT2M}") Duration atMost) {
		this.tracing = tracing;
		this.index = index;
		this.updater = updater;
		this.confusions = confusions;
		this.searches = Math.max(0, searches);
		this.atMost = atMost;
		this.done = this.searches == 0;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!done) {
			Thread warmUp = new Thread(this::run, "trace-warm-up");
			warmUp.setDaemon(true);
			warmUp.start();
		}
	}

	/** The application is stopping: the warm-up ends, and the index closes under it. */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		stopping = true;
	}

	/**
	 * Waits for the index to catch up (its readings come from it, and the instance is not
	 * ready before anyway), then searches until the number is reached or the time is up;
	 * ready either way.
	 */
	void run() {
		try {
			while (!stopping && !updater.caughtUp()) {
				Thread.sleep(500);
			}
			long started = System.nanoTime();
			long deadline = started + atMost.toNanos();
			Random random = new Random(started);
			List<IndexedRecord> registered = index.sample(Math.min(searches, 1000), random);
			for (int i = 0; !stopping && !registered.isEmpty() && i < searches && System.nanoTime() < deadline; i++) {
				IndexedRecord record = registered.get(i % registered.size());
				String reading = misread(SerialForms.normalise(record.serial()), i % 4, random);
				if (!reading.replace("?", "").isEmpty()) {
					tracing.matchUntimed(ObservedMarkings.ofSerial(reading, record.make()), 10);
				}
				ran = i + 1;
			}
			log.info("Trace searches warmed up: {} searches in {} ms", ran, (System.nanoTime() - started) / 1_000_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException e) {
			if (stopping) {
				// the index closed under the search being run
				return;
			}
			// a warm-up is an optimisation: readiness must not hang on it
			log.warn("Trace warm-up stopped after {} searches: {}", ran, e.toString());
		}
		finally {
			done = true;
		}
	}

	/** The serial read as an officer might read it off a worn marking. */
	private String misread(String serial, int kind, Random random) {
		if (serial.length() < 3) {
			return serial;
		}
		int at = random.nextInt(serial.length() - 1);
		char[] chars = serial.toCharArray();
		switch (kind) {
			case 0 -> {
				List<String> near = ReadingVariants.of(serial, confusions).near();
				return near.isEmpty() ? serial : near.get(random.nextInt(near.size()));
			}
			case 1 -> {
				char c = chars[at];
				chars[at] = chars[at + 1];
				chars[at + 1] = c;
				return new String(chars);
			}
			case 2 -> {
				return serial.substring(Math.min(2, serial.length() - 2));
			}
			default -> {
				chars[at] = SerialForms.ONE;
				return new String(chars);
			}
		}
	}

	/** Whether the warm-up is over (or none was asked for). */
	boolean done() {
		return done;
	}

	/** The searches run so far. */
	int searchesRun() {
		return ran;
	}

}
