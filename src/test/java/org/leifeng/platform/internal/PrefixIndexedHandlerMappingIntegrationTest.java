package org.leifeng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

@LeifengTest
class PrefixIndexedHandlerMappingIntegrationTest {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping indexed;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void everyMappedPathFindsTheMethodSpringItselfFindsWithTheSameVariablesAndRefusals() throws Exception {
        assertThat(indexed).isInstanceOf(PrefixIndexedHandlerMapping.class);
        RequestMappingHandlerMapping spring = new RequestMappingHandlerMapping();
        spring.setApplicationContext(context);
        spring.setEmbeddedValueResolver(new EmbeddedValueResolver(context.getBeanFactory()));
        spring.setPatternParser(indexed.getPatternParser());
        spring.setContentNegotiationManager(indexed.getContentNegotiationManager());
        spring.afterPropertiesSet();

        Set<String> paths = new TreeSet<>();
        for (RequestMappingInfo info : indexed.getHandlerMethods().keySet()) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = concrete(pattern.getPatternString());
                paths.add(path);
                paths.add(path + "/more");
                paths.add(path.replaceFirst("/[^/]*$", "/no-such-part"));
            }
        }
        List<String> compared = new ArrayList<>();
        for (String path : paths) {
            for (String method : METHODS) {
                String ours = outcome(indexed, method, path);
                assertThat(ours).as(method + " " + path).isEqualTo(outcome(spring, method, path));
                compared.add(ours);
            }
        }
        assertThat(paths).hasSizeGreaterThan(300);
        assertThat(compared).filteredOn(outcome -> outcome.contains("{id=")).hasSizeGreaterThan(100);
    }

    /** A path the pattern matches: each variable becomes 7, a rest-of-path wildcard one more segment. */
    private static String concrete(String pattern) {
        String path = pattern.replaceAll("\\{\\*[^}]+}", "rest").replaceAll("\\{[^}]+}", "7")
                .replace("**", "x/y").replace("*", "x");
        return path.isEmpty() ? "/" : path;
    }

    /** Which controller method answers, with the path's variables, or what refuses the request. */
    private static String outcome(RequestMappingHandlerMapping mapping, String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (Set.of("POST", "PUT", "PATCH").contains(method)) {
            request.setContentType("application/json");
        }
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null) {
                return "none";
            }
            return ((HandlerMethod) chain.getHandler()).getMethod().toGenericString() + " "
                    + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) + " "
                    + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        } catch (Exception refused) {
            return refused.getClass().getSimpleName() + ": " + refused.getMessage();
        }
    }
}
