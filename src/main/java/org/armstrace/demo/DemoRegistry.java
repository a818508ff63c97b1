package org.armstrace.demo;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.armstrace.reference.Catalogue;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.GeneratedRecords;
import org.armstrace.registry.GeneratedRecords.HolderIdentity;
import org.armstrace.registry.RegistryEvent;
import org.armstrace.registry.RegistryEvent.FirearmManufactured;
import org.armstrace.registry.RegistryQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A generated national registry for evaluation and training, the same for the same seed:
 * holders (makers from the catalogue, dealers, State agencies, private owners), firearms
 * with manufacture or import, dealer and owner histories, and the fates real registries
 * see (lost, stolen and recovered, exported, deactivated, destroyed, found after
 * destruction, seized), parts and ammunition lots. Every name and serial is synthetic.
 * <p>
 * Histories are valid by construction, so they are recorded in batches as
 * {@link GeneratedRecords}, without the per-command checks that would make a large
 * registry slow to create.
 */
@Service
public class DemoRegistry {

	private static final Logger log = LoggerFactory.getLogger(DemoRegistry.class);

	static final String ACTOR = "system:demo";

	/**
	 * Seized-firearm mix for Europe (UNODC Global Study on Firearms Trafficking 2020).
	 */
	private static final FirearmType[] TYPE_MIX = mix(FirearmType.PISTOL, 35, FirearmType.RIFLE, 27,
			FirearmType.SHOTGUN, 22, FirearmType.REVOLVER, 8, FirearmType.CARBINE, 4, FirearmType.SUBMACHINE_GUN, 2,
			FirearmType.OTHER, 2);

	private final GeneratedRecords generated;

	private final RegistryQueries registry;

	private final Catalogue catalogue;

	private final FillStop stop;

	DemoRegistry(GeneratedRecords generated, RegistryQueries registry, Catalogue catalogue, FillStop stop) {
		this.stop = stop;
		this.generated = generated;
		this.registry = registry;
		this.catalogue = catalogue;
	}

	/**
	 * True when the registry holds no firearm yet: the demo never mixes with real
	 * records.
	 */
	public boolean registryIsEmpty() {
		return registry.firearmsByStatus().isEmpty();
	}

	/**
	 * Generates {@code firearms} firearms for the State {@code country} from
	 * {@code seed}.
	 * @return the number of ledger entries written
	 */
	public long generate(int firearms, long seed, String country) {
		if (!registryIsEmpty()) {
			throw new IllegalStateException("the registry already holds firearms: the demo needs an empty one");
		}
		return generate(firearms, seed, country, 0);
	}

	/**
	 * Generates the same registry as {@link #generate(int, long, String)}, leaving out
	 * its first {@code written} events: they are on the ledger already, from a fill that
	 * was interrupted (each batch is one transaction, so a fill stops between events).
	 */
	public long generate(int firearms, long seed, String country, long written) {
		long started = System.nanoTime();
		DemoWorld world = new DemoWorld(new Random(seed), country, catalogue.entries(Catalogue.Kind.MAKE),
				Math.max(500, firearms * 2 / 5));
		Batch batch = new Batch(written);
		world.holders().forEach(h -> batch.add(h.event(), h.name()));
		int year = Year.now().getValue();
		for (int i = 1; i <= firearms; i++) {
			String recordNumber = String.format(Locale.ROOT, "FA-%d-%06d", year, i);
			world.firearmHistory(recordNumber).forEach(e -> batch.add(e, null));
			if (i % 250 == 0) {
				world.partFor(batch.lastFirearm).forEach(e -> batch.add(e, null));
			}
			if (i % 200 == 0) {
				world.ammunitionLot().forEach(e -> batch.add(e, null));
			}
			batch.flushIfFull();
			if (i % 20_000 == 0) {
				log.info("Demo registry: {} of {} firearms", i, firearms);
			}
		}
		batch.flush();
		log.info("Demo registry: {} firearms, {} ledger entries written in {} s (seed {})", firearms, batch.written,
				(System.nanoTime() - started) / 1_000_000_000, seed);
		return batch.written;
	}

	/** Events waiting to be written, one transaction per batch. */
	private final class Batch {

		static final int SIZE = 5_000;

		final List<RegistryEvent> events = new ArrayList<>(SIZE);

		final Map<UUID, HolderIdentity> holders = new LinkedHashMap<>();

		long written;

		long toSkip;

		UUID lastFirearm;

		Batch(long alreadyWritten) {
			this.toSkip = alreadyWritten;
		}

		void add(RegistryEvent event, String holderName) {
			if (event instanceof FirearmManufactured m) {
				lastFirearm = m.firearmId();
			}
			if (toSkip > 0) {
				toSkip--;
				return;
			}
			events.add(event);
			if (holderName != null) {
				holders.put(UUID.fromString(event.subjectId()), new HolderIdentity(holderName, "Synthetic address"));
			}
		}

		void flushIfFull() {
			// before each firearm: also while a resumed fill passes over what is on the
			// ledger already
			stop.check();
			if (events.size() >= SIZE) {
				flush();
			}
		}

		void flush() {
			if (events.isEmpty()) {
				return;
			}
			written += generated.record(events, holders, ACTOR);
			events.clear();
			holders.clear();
		}

	}

	private static FirearmType[] mix(Object... typeAndShare) {
		List<FirearmType> mix = new ArrayList<>();
		for (int i = 0; i < typeAndShare.length; i += 2) {
			for (int n = 0; n < (int) typeAndShare[i + 1]; n++) {
				mix.add((FirearmType) typeAndShare[i]);
			}
		}
		return mix.toArray(FirearmType[]::new);
	}

	static FirearmType typeFor(Random random) {
		return TYPE_MIX[random.nextInt(TYPE_MIX.length)];
	}

}
