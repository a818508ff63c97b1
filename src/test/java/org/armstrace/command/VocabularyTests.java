package org.armstrace.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.armstrace.seizure.StepOutcome;
import org.armstrace.tracing.CustodyChain;
import org.armstrace.tracing.Reason;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * One rule vocabulary, spelled once: every rule of every module has its sentence in
 * English, Spanish and French, the three take the same values, and no rule's name is
 * written as a string anywhere else in the code.
 */
class VocabularyTests {

	static final List<String> MODULE_BUNDLES = List.of("i18n/command", "i18n/registry", "i18n/tracing", "i18n/seizure",
			"i18n/licensing", "i18n/transfers", "i18n/exchange");

	static final List<String> LANGUAGES = List.of("", "_es", "_fr");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

	@Test
	void everyRuleOfEveryModuleHasItsSentenceInEveryLanguage() throws IOException {
		List<Rule> rules = allRules();
		assertThat(rules).hasSizeGreaterThan(60);
		for (String language : LANGUAGES) {
			Properties texts = all(language);
			assertThat(rules).as("rules without a sentence in '%s'", language)
				.allMatch(rule -> texts.containsKey("rule." + rule.name()));
		}
	}

	@Test
	void everyCodedSentenceHasItsWordsInEveryLanguage() throws IOException {
		Map<String, Object[]> codes = Map.of("reason.", Reason.Code.values(), "chain.fact.", CustodyChain.Fact.values(),
				"chain.flag.", CustodyChain.FlagReason.values(), "protocol.outcome.", StepOutcome.values());
		for (String language : LANGUAGES) {
			Properties texts = all(language);
			codes.forEach((prefix, values) -> assertThat(Stream.of(values).map(v -> prefix + v))
				.as("%s in '%s'", prefix, language)
				.allMatch(texts::containsKey));
		}
	}

	@Test
	void spanishAndFrenchHaveTheSameSentencesWithTheSameValuesAsEnglish() throws IOException {
		for (String bundle : MODULE_BUNDLES) {
			Properties english = load(bundle + ".properties");
			for (String language : List.of("_es", "_fr")) {
				Properties other = load(bundle + language + ".properties");
				assertThat(other.stringPropertyNames()).as(bundle + language).isEqualTo(english.stringPropertyNames());
				List<String> differing = new ArrayList<>();
				for (String key : english.stringPropertyNames()) {
					if (!placeholders(english.getProperty(key)).equals(placeholders(other.getProperty(key)))) {
						differing.add(key);
					}
				}
				assertThat(differing).as("%s%s: sentences that name other values than English", bundle, language)
					.isEmpty();
			}
		}
	}

	@Test
	void everySentenceIsAMessageFormatPatternWithItsQuotesDoubled() throws IOException {
		for (String bundle : MODULE_BUNDLES) {
			for (String language : LANGUAGES) {
				Properties texts = load(bundle + language + ".properties");
				assertThat(texts.stringPropertyNames()).as(bundle + language)
					.allMatch(key -> !texts.getProperty(key).replace("''", "").contains("'"));
			}
		}
	}

	@Test
	void noRuleNameIsWrittenAsAStringOutsideItsRuleType() throws IOException {
		Set<String> names = new TreeSet<>(allRules().stream().map(Rule::name).toList());
		List<String> found = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				String text = Files.readString(source);
				names.stream()
					.filter(name -> text.contains("\"" + name + "\""))
					.forEach(name -> found.add(source.getFileName() + ": \"" + name + "\""));
			}
		}
		assertThat(found).isEmpty();
	}

	/**
	 * Every constant of every enum that implements {@link Rule}, found in the compiled
	 * code.
	 */
	static List<Rule> allRules() {
		List<Rule> rules = new ArrayList<>();
		for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.armstrace")) {
			if (type.isEnum() && type.isAssignableTo(Rule.class)) {
				for (Object constant : type.reflect().getEnumConstants()) {
					rules.add((Rule) constant);
				}
			}
		}
		return rules;
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new LinkedHashSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return new TreeSet<>(found);
	}

	private static Properties all(String language) throws IOException {
		Properties all = new Properties();
		for (String bundle : MODULE_BUNDLES) {
			all.putAll(load(bundle + language + ".properties"));
		}
		return all;
	}

	static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(VocabularyTests.class.getResourceAsStream("/" + name),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
