package org.armstrace.registry;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.armstrace.command.CommandKernel;
import org.armstrace.command.Decision;
import org.armstrace.reference.Catalogue;
import org.armstrace.registry.RegistryEvent.FirearmManufactured;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A generated national registry for evaluation and training, the same for the same seed: holders (makers from
 * the catalogue, dealers, State agencies, private owners), firearms with manufacture or import, dealer and owner
 * histories, and the fates real registries see (lost, stolen and recovered, exported, deactivated, destroyed,
 * found after destruction, seized), parts and ammunition lots. Every name and serial is synthetic.
 * <p>
 * Histories are valid by construction, so they are appended in batches straight to the ledger and the
 * projections, without the per-command checks that would make a large registry slow to create.
 */
@Service
public class DemoRegistry {

	private static final Logger log = LoggerFactory.getLogger(DemoRegistry.class);

	static final String ACTOR = "system:demo";

	/** Seized-firearm mix for Europe (UNODC Global Study on Firearms Trafficking 2020). */
	private static final FirearmType[] TYPE_MIX = mix(FirearmType.PISTOL, 35, FirearmType.RIFLE, 27,
			FirearmType.SHOTGUN, 22, FirearmType.REVOLVER, 8, FirearmType.CARBINE, 4, FirearmType.SUBMACHINE_GUN, 2,
			FirearmType.OTHER, 2);

	private final CommandKernel.Commands<RegistryEvent> commands;


	private final Catalogue catalogue;

	private final JdbcClient jdbc;

	DemoRegistry(CommandKernel kernel, RegistryProjection projection, Catalogue catalogue, JdbcClient jdbc) {
		this.commands = kernel.commandsFor(projection);
		this.catalogue = catalogue;
		this.jdbc = jdbc;
	}

	/** True when the registry holds no firearm yet: the demo never mixes with real records. */
	public boolean registryIsEmpty() {
		return jdbc.sql("SELECT COUNT(*) FROM firearm").query(Long.class).single() == 0;
	}

	/**
	 * Generates {@code firearms} firearms for the State {@code country} from {@code seed}.
	 * @return the number of ledger entries written
	 */
	public long generate(int firearms, long seed, String country) {
		if (!registryIsEmpty()) {
			throw new IllegalStateException("the registry already holds firearms: the demo needs an empty one");
		}
		long started = System.nanoTime();
		DemoWorld world = new DemoWorld(new Random(seed), country, catalogue.entries(Catalogue.Kind.MAKE),
				Math.max(500, firearms * 2 / 5));
		Batch batch = new Batch();
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
		jdbc.sql("INSERT INTO record_number_counter (prefix, count_year, last_value) VALUES (?, ?, ?)")
			.params(FirearmCommands.RECORD_PREFIX, year, firearms).update();
		log.info("Demo registry: {} firearms, {} ledger entries in {} s (seed {})", firearms, batch.written,
				(System.nanoTime() - started) / 1_000_000_000, seed);
		return batch.written;
	}

	/** Events waiting to be written, one transaction per batch. */
	private final class Batch {

		static final int SIZE = 5_000;

		final List<RegistryEvent> events = new ArrayList<>(SIZE);

		final List<String[]> identities = new ArrayList<>();

		long written;

		UUID lastFirearm;

		void add(RegistryEvent event, String holderName) {
			events.add(event);
			if (event instanceof FirearmManufactured m) {
				lastFirearm = m.firearmId();
			}
			if (holderName != null) {
				identities.add(new String[] { event.subjectId(), holderName });
			}
		}

		void flushIfFull() {
			if (events.size() >= SIZE) {
				flush();
			}
		}

		void flush() {
			if (events.isEmpty()) {
				return;
			}
			List<String[]> names = List.copyOf(identities);
			commands.run("generate-demo-registry", ACTOR, null, () -> Decision.<RegistryEvent>record(null, events)
				.alsoWrite(() -> {
					for (String[] identity : names) {
						jdbc.sql("INSERT INTO holder_identity (holder_id, name, address) VALUES (?, ?, ?)")
							.params(UUID.fromString(identity[0]), identity[1], "Synthetic address")
							.update();
					}
				}));
			written += events.size();
			events.clear();
			identities.clear();
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

	static LocalDate day(Random random, int fromYear, int toYear) {
		return LocalDate.of(fromYear, 1, 1).plusDays(random.nextInt(Math.max(1, (toYear - fromYear) * 365)));
	}

}
