package org.armstrace.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.armstrace.reference.Catalogue;
import org.armstrace.reference.CountryCode;
import org.armstrace.reference.FirearmCategories;
import org.armstrace.registry.FirearmKinds;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.HolderRole;
import org.armstrace.registry.Marking;
import org.armstrace.registry.MarkingKind;
import org.armstrace.registry.PartKind;
import org.armstrace.registry.RegistryEvent;
import org.armstrace.registry.RegistryEvent.AmmunitionConsumed;
import org.armstrace.registry.RegistryEvent.AmmunitionProduced;
import org.armstrace.registry.RegistryEvent.AmmunitionTransferred;
import org.armstrace.registry.RegistryEvent.FirearmClassified;
import org.armstrace.registry.RegistryEvent.FirearmDeactivated;
import org.armstrace.registry.RegistryEvent.FirearmDestroyed;
import org.armstrace.registry.RegistryEvent.FirearmExported;
import org.armstrace.registry.RegistryEvent.FirearmFoundAfterDestruction;
import org.armstrace.registry.RegistryEvent.FirearmImported;
import org.armstrace.registry.RegistryEvent.FirearmManufactured;
import org.armstrace.registry.RegistryEvent.FirearmRecovered;
import org.armstrace.registry.RegistryEvent.FirearmReportedLost;
import org.armstrace.registry.RegistryEvent.FirearmReportedStolen;
import org.armstrace.registry.RegistryEvent.FirearmSeized;
import org.armstrace.registry.RegistryEvent.FirearmTransferred;
import org.armstrace.registry.RegistryEvent.HolderRegistered;
import org.armstrace.registry.RegistryEvent.PartFitted;
import org.armstrace.registry.RegistryEvent.PartManufactured;

/**
 * The made-up world of the demo registry: who exists, and what happens to each firearm.
 * Seeded, so repeatable.
 */
final class DemoWorld {

	record DemoHolder(UUID id, HolderRole role, String country, String name) {
		HolderRegistered event() {
			return new HolderRegistered(id, role, country, role == HolderRole.PRIVATE_OWNER ? null
					: "DEMO-LIC-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT));
		}
	}

	/**
	 * A maker with its own serial format and a production counter that advances with
	 * gaps.
	 */
	private static final class Maker {

		final String name;

		final String country;

		final int format;

		final String prefix;

		long counter;

		DemoHolder factory;

		Maker(String name, String country, int format, String prefix, long start) {
			this.name = name;
			this.country = country;
			this.format = format;
			this.prefix = prefix;
			this.counter = start;
		}

		String nextSerial(Random random, int year) {
			counter += 1 + (random.nextInt(10) == 0 ? random.nextInt(40) : 0);
			return switch (format) {
				case 0 -> prefix + String.format(Locale.ROOT, "%06d", counter % 1_000_000);
				case 1 -> String.format(Locale.ROOT, "%07d", counter % 10_000_000);
				case 2 -> String.format(Locale.ROOT, "%02d-%05d", year % 100, counter % 100_000);
				default -> prefix.charAt(0) + String.format(Locale.ROOT, "%05d", counter % 100_000) + prefix.charAt(1);
			};
		}

	}

	private static final String[][] CALIBRES = { { "9x19mm", ".380 ACP", ".40 S&W", ".45 ACP", "9mm Luger" },
			{ ".357 Magnum", ".38 Special", ".22 LR" },
			{ ".308 Winchester", "7.62x39mm", ".22 LR", "5.56x45mm NATO", ".30-06 Springfield", "6.5 Creedmoor" },
			{ "12 gauge", "20 gauge", "16 gauge" } };

	private final Random random;

	private final String country;

	private final List<Maker> makers = new ArrayList<>();

	private final List<DemoHolder> holders = new ArrayList<>();

	private final List<DemoHolder> dealers = new ArrayList<>();

	private final List<DemoHolder> agencies = new ArrayList<>();

	private final List<DemoHolder> owners = new ArrayList<>();

	private final LocalDate today = LocalDate.now().minusDays(1);

	private Maker lastMaker;

	private DemoHolder lastHolder;

	private boolean lastInCirculation;

	/**
	 * @param ownerCount how many private owners to invent (0.4 per firearm gives most
	 * owners one or two)
	 */
	DemoWorld(Random random, String country, List<Catalogue.Entry> catalogueMakes, int ownerCount) {
		if (!CountryCode.isValid(country)) {
			throw new IllegalArgumentException("the demo State must be an ISO 3166-1 alpha-3 code, was " + country);
		}
		this.random = random;
		this.country = country;
		for (Catalogue.Entry make : catalogueMakes) {
			String prefix = make.name().replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT) + "XX";
			makers.add(new Maker(make.name(), make.country() == null ? "USA" : make.country(), makers.size() % 4,
					prefix.substring(0, 2), random.nextInt(50_000)));
		}
		for (Maker maker : makers) {
			if (maker.country.equals(country)) {
				maker.factory = holder(HolderRole.MANUFACTURER, "Demo works of " + maker.name);
			}
		}
		for (int i = 1; i <= 150; i++) {
			dealers.add(holder(HolderRole.DEALER, String.format(Locale.ROOT, "Demo Gun Shop %03d", i)));
		}
		for (int i = 1; i <= 10; i++) {
			agencies.add(holder(HolderRole.STATE_AGENCY, String.format(Locale.ROOT, "Demo State Agency %02d", i)));
		}
		for (int i = 1; i <= ownerCount; i++) {
			owners.add(holder(HolderRole.PRIVATE_OWNER, String.format(Locale.ROOT, "Demo Owner %05d", i)));
		}
	}

	private DemoHolder holder(HolderRole role, String name) {
		DemoHolder holder = new DemoHolder(uuid(), role, country, name);
		holders.add(holder);
		return holder;
	}

	List<DemoHolder> holders() {
		return holders;
	}

	/** Manufacture or import, a dealer, most often an owner, and for some a fate. */
	/**
	 * The category of the EU's classification a firearm of this type most often falls in:
	 * automatic ones A2, handguns and rifles B, shotguns and others C.
	 */
	static String category(FirearmType type) {
		return switch (type) {
			case SUBMACHINE_GUN, MACHINE_GUN -> "A2";
			case PISTOL, REVOLVER, RIFLE, CARBINE -> "B";
			default -> "C";
		};
	}

	List<RegistryEvent> firearmHistory(String recordNumber) {
		List<RegistryEvent> events = new ArrayList<>();
		Maker maker = makers.get(skewed(makers.size()));
		FirearmType type = DemoRegistry.typeFor(random);
		int year = 1985 + random.nextInt(40);
		LocalDate made = LocalDate.of(year, 1, 1).plusDays(random.nextInt(360));
		UUID id = uuid();
		DemoHolder dealer = dealers.get(random.nextInt(dealers.size()));
		boolean domestic = maker.factory != null;
		String serial = maker.nextSerial(random, year);
		events.add(new FirearmManufactured(id, recordNumber, type, FirearmKinds.INDUSTRIAL, maker.name,
				"Model " + (char) ('A' + random.nextInt(8)) + (10 + random.nextInt(80)), calibre(type), serial,
				maker.country, year,
				List.of(new Marking(MarkingKind.MANUFACTURER, maker.name, null, null),
						new Marking(MarkingKind.COUNTRY_OF_MANUFACTURE, maker.country, maker.country, null),
						new Marking(MarkingKind.SERIAL, serial, null, null)),
				domestic ? maker.factory.id() : dealer.id(), null, null, made));
		events.add(new FirearmClassified(id, category(type), FirearmCategories.UNCLASSIFIED, made));
		LocalDate at = made.plusDays(20 + random.nextInt(200));
		if (domestic) {
			events.add(new FirearmTransferred(id, maker.factory.id(), dealer.id(), capped(at)));
		}
		else {
			events.add(new FirearmImported(id, maker.country, dealer.id(),
					Marking.importMarking(country, capped(at).getYear()), false, "DEMO-IMP-" + recordNumber,
					capped(at)));
		}
		DemoHolder holder = dealer;
		int roll = random.nextInt(100);
		if (roll < 85) {
			holder = roll < 80 ? owners.get(random.nextInt(owners.size()))
					: agencies.get(random.nextInt(agencies.size()));
			at = at.plusDays(5 + random.nextInt(400));
			events.add(new FirearmTransferred(id, dealer.id(), holder.id(), capped(at)));
		}
		lastInCirculation = fate(id, holder, at.plusDays(30 + random.nextInt(3000)), events);
		lastMaker = maker;
		lastHolder = holder;
		return events;
	}

	/**
	 * Appends the firearm's fate, if it has one; returns whether it is still in legal
	 * circulation.
	 */
	private boolean fate(UUID id, DemoHolder holder, LocalDate on, List<RegistryEvent> events) {
		LocalDate day = capped(on);
		int roll = random.nextInt(1000);
		if (roll < 20) {
			events.add(new FirearmReportedStolen(id, holder.id(), "DEMO-POL-" + random.nextInt(1_000_000), day));
			return false;
		}
		if (roll < 30) {
			events.add(new FirearmReportedLost(id, holder.id(), "DEMO-POL-" + random.nextInt(1_000_000), day));
			return false;
		}
		if (roll < 35) {
			events.add(new FirearmReportedStolen(id, holder.id(), "DEMO-POL-" + random.nextInt(1_000_000), day));
			events.add(new FirearmRecovered(id, "Demo Police", capped(day.plusDays(10 + random.nextInt(300)))));
			return true;
		}
		if (roll < 50) {
			events.add(new FirearmExported(id, List.of("CHE", "USA", "CAN", "NOR", "SRB").get(random.nextInt(5)),
					List.of(), "DEMO-EXP-" + random.nextInt(100_000), day));
			return false;
		}
		if (roll < 60) {
			events.add(new FirearmDeactivated(id, "DEMO-CERT-" + random.nextInt(1_000_000), "(EU) 2015/2403",
					"Demo Proof House",
					new Marking(MarkingKind.DEACTIVATION, country + "-DEACT", country, day.getYear()), day));
			return false;
		}
		if (roll < 72) {
			events.add(
					new FirearmDestroyed(id, "cutting and crushing", List.of("Demo Officer A", "Demo Officer B"), day));
			if (roll < 72 && roll >= 70) {
				events.add(new FirearmFoundAfterDestruction(id, "Demo Customs",
						capped(day.plusDays(30 + random.nextInt(500)))));
			}
			return false;
		}
		if (roll < 77) {
			events.add(new FirearmSeized(id, "Demo Police", "DEMO-CASE-" + random.nextInt(100_000), day));
			return false;
		}
		return true;
	}

	/**
	 * A spare barrel by the last firearm's maker, fitted to it when it is still in
	 * circulation.
	 */
	List<RegistryEvent> partFor(UUID firearmId) {
		UUID part = uuid();
		LocalDate on = capped(LocalDate.of(2010, 1, 1).plusDays(random.nextInt(5000)));
		List<RegistryEvent> events = new ArrayList<>();
		events.add(new PartManufactured(part, PartKind.BARREL, lastMaker.name, null,
				"BRL" + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000)), lastMaker.country,
				List.of(new Marking(MarkingKind.SERIAL, "BRL", null, null)), lastHolder.id(), on));
		if (lastInCirculation) {
			events.add(new PartFitted(part, firearmId, on));
		}
		return events;
	}

	/** A lot produced by a maker, part of it sold to a dealer, part of that used. */
	List<RegistryEvent> ammunitionLot() {
		UUID lot = uuid();
		DemoHolder producer = dealers.get(random.nextInt(dealers.size()));
		DemoHolder dealer = dealers.get(random.nextInt(dealers.size()));
		long produced = 10_000 + random.nextInt(90_000);
		long sold = produced / (2 + random.nextInt(4));
		LocalDate on = capped(LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3000)));
		String calibre = CALIBRES[random.nextInt(CALIBRES.length)][0];
		List<RegistryEvent> events = new ArrayList<>();
		events.add(new AmmunitionProduced(lot, makers.get(random.nextInt(makers.size())).name, calibre,
				"DEMO-LOT-" + random.nextInt(1_000_000), "DEMO " + on.getYear() % 100, on.getYear(), producer.id(),
				produced, on));
		if (!producer.equals(dealer)) {
			events.add(new AmmunitionTransferred(lot, producer.id(), dealer.id(), sold, capped(on.plusDays(30))));
			events.add(new AmmunitionConsumed(lot, dealer.id(), sold / 3, "sold to licensed shooters",
					capped(on.plusDays(90))));
		}
		return events;
	}

	private String calibre(FirearmType type) {
		String[] options = switch (type) {
			case PISTOL, SUBMACHINE_GUN -> CALIBRES[0];
			case REVOLVER -> CALIBRES[1];
			case RIFLE, CARBINE, MACHINE_GUN, OTHER -> CALIBRES[2];
			case SHOTGUN -> CALIBRES[3];
		};
		return options[random.nextInt(options.length)];
	}

	/**
	 * A few makers dominate a market: index drawn with a skew towards the start of the
	 * list.
	 */
	private int skewed(int size) {
		double u = random.nextDouble();
		return (int) Math.min(size - 1, Math.floor(size * u * u));
	}

	private LocalDate capped(LocalDate day) {
		return day.isAfter(today) ? today : day;
	}

	private UUID uuid() {
		return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
				(random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
	}

}
