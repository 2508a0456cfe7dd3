package org.leifeng;

import static java.util.stream.Collectors.toCollection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    /** The modules from the floor up (ARCHITECTURE.md): a module may use only modules before it. */
    static final List<String> ORDER = List.of("platform", "identity", "organisation", "volunteer", "activity",
            "attendance", "hours", "reporting", "portal");

    /**
     * The arrows each module may draw: downwards in {@link #ORDER}, and only those its code needs, so that a new arrow
     * is a decision written in its {@code package-info.java} and here. Attendance never uses hours (hours listens to
     * {@code CheckedOut}), only the portal uses reporting, and nobody uses the portal.
     */
    static final Map<String, Set<String>> MAY_USE = Map.of(
            "platform", Set.of(),
            "identity", Set.of("platform"),
            "organisation", Set.of("platform", "identity"),
            "volunteer", Set.of("platform", "identity", "organisation"),
            "activity", Set.of("platform", "identity", "organisation", "volunteer"),
            "attendance", Set.of("platform", "identity", "volunteer", "activity"),
            "hours", Set.of("platform", "identity", "organisation", "volunteer", "activity", "attendance"),
            "reporting", Set.of("platform", "identity", "organisation", "volunteer", "activity", "hours"),
            "portal", Set.of("platform", "identity", "organisation", "volunteer", "activity", "attendance", "hours",
                    "reporting"));

    private final ApplicationModules modules = ApplicationModules.of(LeifengApplication.class);

    @Test
    void modulesUseOnlyTheModulesTheyDeclareAndFormNoCycle() {
        modules.verify();
    }

    @Test
    void eachModuleDeclaresExactlyTheDependenciesOfTheIntendedOrder() {
        assertThat(modules.stream().map(ApplicationModule::getName)).containsExactlyInAnyOrderElementsOf(ORDER);
        assertThat(declaredDependencies(modules)).isEqualTo(sorted(MAY_USE));
    }

    @Test
    void theIntendedDependenciesPointOnlyDownwards() {
        MAY_USE.forEach((module, used) -> assertThat(used).as(module)
                .allSatisfy(target -> assertThat(ORDER.indexOf(target)).isLessThan(ORDER.indexOf(module))));
    }

    @Test
    void anArrowAModuleDoesNotDeclareFailsTheVerification() {
        ApplicationModules withUndeclaredArrow = ApplicationModules.of(LeifengApplication.class,
                (ImportOption) location -> !location.contains("/test-classes/")
                        || location.contains("/org/leifeng/attendance/UndeclaredArrowFixture"));

        assertThat(withUndeclaredArrow.detectViolations().getMessages())
                .singleElement(STRING)
                .contains("attendance", "organisation", "UndeclaredArrowFixture");
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    static Map<String, Set<String>> sorted(Map<String, Set<String>> dependencies) {
        Map<String, Set<String>> sorted = new TreeMap<>();
        dependencies.forEach((module, used) -> sorted.put(module, new TreeSet<>(used)));
        return sorted;
    }

    /** Each module's name and the names of the modules its {@code package-info.java} allows it to use. */
    static Map<String, Set<String>> declaredDependencies(ApplicationModules modules) {
        Map<String, Set<String>> declared = new TreeMap<>();
        modules.forEach(module -> declared.put(module.getName(), module.getAllowedDependencies(modules).stream()
                .map(allowed -> allowed.getTargetModule().getName())
                .filter(target -> !target.equals(module.getName())) // Modulith lists a module without arrows as its own
                .collect(toCollection(TreeSet::new))));
        return declared;
    }
}
