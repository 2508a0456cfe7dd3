package org.leifeng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

class PrefixIndexedHandlerMappingTest {

    @Controller
    static class Overlapping {

        @GetMapping("/things/{id}/parts/{part}")
        void anyPart() {
        }

        @GetMapping("/things/{id}/parts/first")
        void firstPart() {
        }

        @GetMapping("/{section}/things/{id}")
        void thingOfASection() {
        }

        @GetMapping("/**")
        void anythingElse() {
        }

        @GetMapping("/things/**")
        void anythingAboutThings() {
        }

        @GetMapping("/{section}/parts/{id}")
        void partOfASection() {
        }

        @PostMapping("/things/{id}/parts")
        void addPart() {
        }

        @GetMapping("/things/{a}/{b}/{c}")
        void sameShapeA() {
        }

        @GetMapping("/things/{x}/{y}/{z}")
        void sameShapeB() {
        }
    }

    private final PrefixIndexedHandlerMapping mapping = mapping();

    @Test
    void theMostSpecificOfSeveralMatchingMappingsAnswers() throws Exception {
        assertThat(handlerOf("GET", "/things/7/parts/first")).isEqualTo("firstPart");
        assertThat(handlerOf("GET", "/things/7/parts/second")).isEqualTo("anyPart");
        assertThat(handlerOf("GET", "/nothing/that/is/mapped")).isEqualTo("anythingElse");
    }

    @Test
    void aMappingThatStartsWithAVariableIsACandidateForEveryPath() throws Exception {
        MockHttpServletRequest request = request("GET", "/garden/things/7");

        assertThat(name(mapping.getHandler(request).getHandler())).isEqualTo("thingOfASection");
        assertThat(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE).toString())
                .isEqualTo("{section=garden, id=7}");
        assertThat(handlerOf("GET", "/things/parts/7")).as("better than /things/**, filed under /things")
                .isEqualTo("partOfASection");
    }

    @Test
    void aPathNoMappingTakesWithItsMethodIsRefusedNamingTheMethodsThatWould() {
        assertThatThrownBy(() -> mapping.getHandler(request("DELETE", "/things/7/parts")))
                .isInstanceOfSatisfying(HttpRequestMethodNotSupportedException.class,
                        refused -> assertThat(refused.getSupportedMethods()).containsExactlyInAnyOrder("POST", "GET"));
    }

    @Test
    void twoEquallyGoodMappingsAreRefusedAsAmbiguousAsSpringDoes() {
        assertThatThrownBy(() -> mapping.getHandler(request("GET", "/things/7/8/9")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Ambiguous handler methods");
    }

    private String handlerOf(String method, String path) throws Exception {
        return name(mapping.getHandler(request(method, path)).getHandler());
    }

    private static String name(Object handler) {
        return ((HandlerMethod) handler).getMethod().getName();
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    private static PrefixIndexedHandlerMapping mapping() {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.registerSingleton("overlapping", Overlapping.class);
        context.refresh();
        PrefixIndexedHandlerMapping mapping = new PrefixIndexedHandlerMapping();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }
}
