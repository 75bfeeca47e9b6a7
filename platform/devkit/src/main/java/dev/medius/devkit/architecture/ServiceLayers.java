package dev.medius.devkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules of a Medius service: {@code rest} → {@code service} → {@code repository} / {@code domain};
 * inbound {@code messaging} calls services, outbound {@code events} are written by services; nothing points back.
 */
public final class ServiceLayers {

    private ServiceLayers() {
    }

    /** The rules for the service whose classes live under {@code root}, for example {@code dev.medius.catalog}. */
    public static List<ArchRule> rules(String root) {
        String rest = root + ".rest..";
        String service = root + ".service..";
        String repository = root + ".repository..";
        String domain = root + ".domain..";
        String inbound = root + ".messaging..";
        String outbound = root + ".events..";
        return List.of(
                noClasses().that().resideOutsideOfPackage(rest)
                        .should().dependOnClassesThat().resideInAPackage(rest)
                        .because("HTTP types stay in the resources that translate them")
                        .allowEmptyShould(true),
                noClasses().that().resideInAnyPackage(repository, domain, outbound)
                        .should().dependOnClassesThat().resideInAnyPackage(service, inbound)
                        .because("use cases call storage and the domain, never the other way round")
                        .allowEmptyShould(true),
                noClasses().that().resideInAPackage(domain)
                        .should().dependOnClassesThat().resideInAnyPackage(repository, outbound)
                        .because("the domain holds rules, not storage or transport")
                        .allowEmptyShould(true),
                noClasses().that().resideOutsideOfPackage(inbound)
                        .should().dependOnClassesThat().resideInAPackage(inbound)
                        .because("consumers are entry points, like resources")
                        .allowEmptyShould(true),
                slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true));
    }

    /** Checks every rule against the service's production classes and fails with all violations at once. */
    public static void check(String root) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(root);
        if (!classes.iterator().hasNext()) {
            throw new AssertionError("no production classes under " + root);
        }
        check(root, classes);
    }

    /** Checks every rule against the given classes. */
    public static void check(String root, JavaClasses classes) {
        StringBuilder failures = new StringBuilder();
        for (ArchRule rule : rules(root)) {
            var result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.append(result.getFailureReport()).append('\n');
            }
        }
        if (failures.length() > 0) {
            throw new AssertionError(failures.toString());
        }
    }
}
