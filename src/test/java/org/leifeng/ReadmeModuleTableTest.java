package org.leifeng;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.core.ApplicationModules;

/** The README's module table ("How the code is laid out") says what the code declares and does. */
class ReadmeModuleTableTest {

    private static final int MAY_USE = 2;
    private static final int PUBLISHES = 3;
    private static final Pattern NAME = Pattern.compile("`([A-Za-z]+)`");
    private static final Pattern PLANNED = Pattern.compile("^- `([a-z]+)` \\(planned\\): [^;]*; may use ([^;]*)");

    private final ApplicationModules modules = ApplicationModules.of(LeifengApplication.class);
    private final List<String> readme = readme();

    @Test
    void theTableNamesTheModulesEachModuleMayUse() {
        assertThat(ModularityTest.sorted(column(MAY_USE))).isEqualTo(ModularityTest.declaredDependencies(modules));
    }

    @Test
    void theTableNamesTheEventsEachModulePublishes() throws IOException {
        assertThat(ModularityTest.sorted(column(PUBLISHES))).isEqualTo(publishedEvents());
    }

    @Test
    void plannedModulesAreNotInTheCodeYetAndUseOnlyModulesBelowThePortal() {
        Map<String, Set<String>> planned = planned();
        Set<String> existing = column(MAY_USE).keySet();
        Set<String> known = new TreeSet<>(existing);
        known.addAll(planned.keySet());

        assertThat(planned.keySet()).containsExactlyInAnyOrder("notification", "request", "directive", "recognition",
                "demo").doesNotContainAnyElementsOf(existing);
        planned.forEach((module, used) -> assertThat(used).as(module)
                .doesNotContain(module, "portal", "demo")
                .allSatisfy(target -> assertThat(target).isIn(known)));
    }

    /** By module, the names in backquotes in a column of the table's rows (counting from 0; "—" for none). */
    private Map<String, Set<String>> column(int index) {
        int header = readme.indexOf("| package | what it holds | may use | publishes |");
        assertThat(header).as("the module table's header in README.md").isNotNegative();
        Map<String, Set<String>> column = new LinkedHashMap<>();
        for (String row : readme.subList(header + 2, readme.size())) {
            if (!row.startsWith("|")) {
                break;
            }
            String[] cells = row.split("\\|");
            column.put(names(cells[1]).iterator().next(), names(cells[index + 1]));
        }
        return column;
    }

    private Map<String, Set<String>> planned() {
        Map<String, Set<String>> planned = new TreeMap<>();
        for (String line : readme) {
            Matcher matcher = PLANNED.matcher(line);
            if (matcher.find()) {
                planned.put(matcher.group(1), names(matcher.group(2)));
            }
        }
        return planned;
    }

    /** By module, the events it publishes: the public types of its root package that its classes publish. */
    private Map<String, Set<String>> publishedEvents() throws IOException {
        Map<String, Set<String>> events = new TreeMap<>();
        modules.forEach(module -> events.put(module.getName(), new TreeSet<>()));
        try (Stream<Path> classFiles = Files.walk(Path.of("target/classes/org/leifeng"))) {
            for (Path classFile : classFiles.filter(file -> file.toString().endsWith(".class")).toList()) {
                for (Class<?> event : published(Files.readAllBytes(classFile))) {
                    modules.getModuleByType(event)
                            .filter(module -> module.getBasePackage().getName().equals(event.getPackageName())
                                    && Modifier.isPublic(event.getModifiers()))
                            .ifPresent(module -> events.get(module.getName()).add(event.getSimpleName()));
                }
            }
        }
        return events;
    }

    /**
     * The classes that a class file passes to {@link ApplicationEventPublisher#publishEvent(Object)} as
     * {@code publishEvent(new SomeEvent(...))}, the one way the application publishes: the class whose constructor
     * completes last before the call.
     */
    private static Set<Class<?>> published(byte[] classFile) {
        String publisher = Type.getInternalName(ApplicationEventPublisher.class);
        Set<String> published = new TreeSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    private String lastConstructed;

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                            boolean isInterface) {
                        if (opcode == Opcodes.INVOKESPECIAL && method.equals("<init>")) {
                            lastConstructed = owner;
                        } else if (owner.equals(publisher) && method.equals("publishEvent")) {
                            assertThat(lastConstructed).as("an event constructed in the call to publishEvent")
                                    .isNotNull();
                            published.add(Type.getObjectType(lastConstructed).getClassName());
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG);
        return published.stream().map(ReadmeModuleTableTest::load).collect(toSet());
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ReadmeModuleTableTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> names(String text) {
        Matcher matcher = NAME.matcher(text);
        Set<String> names = new TreeSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static List<String> readme() {
        try {
            return Files.readAllLines(Path.of("README.md"));
        } catch (IOException e) {
            throw new IllegalStateException("README.md is read from the project directory", e);
        }
    }
}
