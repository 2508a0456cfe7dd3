package org.leifeng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * What {@link PrefixIndexedHandlerMapping} takes from Spring MVC's protected internals, so that a Spring upgrade that
 * changes any of it fails here, asking for the mapping to be checked against the new lookup (or dropped), instead of
 * silently answering differently or being bypassed. The equivalence with Spring's own answers for every mapped path
 * is {@link PrefixIndexedHandlerMappingIntegrationTest}.
 */
class PrefixIndexedHandlerMappingSpringContractTest {

    @Test
    void itOverridesTheLookupThatSpringsHandlerSearchCalls() throws Exception {
        Method spring = AbstractHandlerMethodMapping.class.getDeclaredMethod("lookupHandlerMethod", String.class,
                HttpServletRequest.class);
        Method ours = PrefixIndexedHandlerMapping.class.getDeclaredMethod("lookupHandlerMethod", String.class,
                HttpServletRequest.class);

        assertThat(Modifier.isProtected(spring.getModifiers())).isTrue();
        assertThat(Modifier.isFinal(spring.getModifiers())).isFalse();
        assertThat(ours.getReturnType()).isEqualTo(spring.getReturnType()).isEqualTo(HandlerMethod.class);
        assertThat(calls(AbstractHandlerMethodMapping.class, "getHandlerInternal"))
                .as("Spring's handler search asks lookupHandlerMethod under the registry's read lock")
                .containsSubsequence("AbstractHandlerMethodMapping$MappingRegistry.acquireReadLock",
                        "AbstractHandlerMethodMapping.lookupHandlerMethod",
                        "AbstractHandlerMethodMapping$MappingRegistry.releaseReadLock");
        assertThat(calls(RequestMappingInfoHandlerMapping.class, "getHandlerInternal"))
                .contains("AbstractHandlerMethodMapping.getHandlerInternal");
    }

    @Test
    void theProtectedMethodsItCallsKeepTheirSignatures() throws Exception {
        assertProtected(RequestMappingInfoHandlerMapping.class.getDeclaredMethod("getMatchingMapping",
                RequestMappingInfo.class, HttpServletRequest.class), RequestMappingInfo.class);
        assertProtected(RequestMappingInfoHandlerMapping.class.getDeclaredMethod("getMappingComparator",
                HttpServletRequest.class), Comparator.class);
        assertProtected(RequestMappingInfoHandlerMapping.class.getDeclaredMethod("handleMatch",
                RequestMappingInfo.class, String.class, HttpServletRequest.class), void.class);
    }

    /**
     * Spring's lookup, step by step: literal paths first, then every mapping matched ({@code getMatchingMapping}) and
     * ordered ({@code getMappingComparator}); pre-flights and ties apart; the best handler recorded in the request and
     * {@code handleMatch} extracting the variables; {@code handleNoMatch} for the refusals. The index repeats these
     * steps for the candidates of a path and leaves the rest to Spring; a step a new version adds or changes is one
     * the index does not take.
     */
    @Test
    void springsLookupStillTakesTheStepsTheIndexRepeats() throws IOException {
        assertThat(calls(AbstractHandlerMethodMapping.class, "lookupHandlerMethod")).containsExactly(
                "AbstractHandlerMethodMapping$MappingRegistry.getMappingsByDirectPath",
                "AbstractHandlerMethodMapping.addMatchingMappings",
                "AbstractHandlerMethodMapping$MappingRegistry.getRegistrations",
                "AbstractHandlerMethodMapping.addMatchingMappings",
                "AbstractHandlerMethodMapping.getMappingComparator",
                "AbstractHandlerMethodMapping$MatchComparator.<init>",
                "CorsUtils.isPreFlightRequest",
                "AbstractHandlerMethodMapping$Match.hasCorsConfig",
                "AbstractHandlerMethodMapping.PREFLIGHT_AMBIGUOUS_MATCH",
                "AbstractHandlerMethodMapping$Match.getHandlerMethod",
                "HandlerMethod.getMethod",
                "AbstractHandlerMethodMapping$Match.getHandlerMethod",
                "HandlerMethod.getMethod",
                "HttpServletRequest.getRequestURI",
                "AbstractHandlerMethodMapping.BEST_MATCHING_HANDLER_ATTRIBUTE",
                "AbstractHandlerMethodMapping$Match.getHandlerMethod",
                "HttpServletRequest.setAttribute",
                "AbstractHandlerMethodMapping.handleMatch",
                "AbstractHandlerMethodMapping$Match.getHandlerMethod",
                "AbstractHandlerMethodMapping$MappingRegistry.getRegistrations",
                "AbstractHandlerMethodMapping.handleNoMatch");
        assertThat(calls(AbstractHandlerMethodMapping.class, "addMatchingMappings")).containsExactly(
                "AbstractHandlerMethodMapping.getMatchingMapping",
                "AbstractHandlerMethodMapping$MappingRegistry.getRegistrations",
                "AbstractHandlerMethodMapping$Match.<init>");
    }

    private static void assertProtected(Method method, Class<?> returnType) {
        assertThat(Modifier.isProtected(method.getModifiers())).as(method.getName()).isTrue();
        assertThat(method.getReturnType()).as(method.getName()).isEqualTo(returnType);
    }

    /**
     * The methods a class's method of that name calls and the constants it reads, in the order of its byte code, as
     * {@code Owner.name}: leaving out the JDK's and logging.
     */
    private static List<String> calls(Class<?> type, String methodName) throws IOException {
        List<String> calls = new ArrayList<>();
        try (InputStream classFile = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    if (!name.equals(methodName) || (access & Opcodes.ACC_SYNTHETIC) != 0) {
                        return null;
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                                boolean isInterface) {
                            record(owner, method);
                        }

                        @Override
                        public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                            if (opcode == Opcodes.GETSTATIC) {
                                record(owner, field);
                            }
                        }

                        private void record(String owner, String member) {
                            if (!owner.startsWith("java/") && !owner.startsWith("org/apache/commons/logging/")) {
                                calls.add(Type.getObjectType(owner).getClassName()
                                        .substring(owner.lastIndexOf('/') + 1) + "." + member);
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        }
        return calls;
    }
}
