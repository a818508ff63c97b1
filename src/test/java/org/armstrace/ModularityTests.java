package org.armstrace;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEvent;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The module boundaries of DESIGN.md, checked; their documentation written to
 * target/spring-modulith-docs.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(ArmsTraceApplication.class);

	static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.armstrace");

	@Test
	void modulesUseOnlyEachOthersPublicApi() {
		modules.verify();
	}

	@Test
	void theMerkleCoreIsPlainJava() {
		noClasses().that()
			.resideInAPackage("org.armstrace.ledger.merkle..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..", "tools.jackson..")
			.because("the proof verifier must run without the server")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("org.armstrace.ledger.merkle"));
	}

	@Test
	void onlyTheCommandKernelAppendsToTheLedgerOrTakesItsLock() {
		noClasses().that()
			.resideOutsideOfPackage("org.armstrace.command..")
			.and()
			.doNotHaveFullyQualifiedName(Ledger.class.getName())
			.should()
			.callMethod(Ledger.class, "append", String.class, List.class)
			.orShould()
			.callMethod(Ledger.class, "append", String.class, LedgerEvent.class)
			.orShould()
			.callMethod(Ledger.class, "lockForAppend")
			.because("every write is decided, appended and projected in one transaction by the command kernel")
			.check(MAIN);
	}

	@Test
	void onlyTheCommandLinePrintsToTheConsole() {
		noClasses().that()
			.resideOutsideOfPackage("org.armstrace.cli..")
			.should()
			.accessField(System.class, "out")
			.orShould()
			.accessField(System.class, "err")
			.because("the server logs; the command-line verbs print")
			.check(MAIN);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
