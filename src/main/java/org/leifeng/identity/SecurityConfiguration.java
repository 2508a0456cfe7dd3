package org.leifeng.identity;

import org.leifeng.platform.Problem;
import org.leifeng.platform.ProblemDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two ways in. The API ({@code /api/**}) is stateless: bearer tokens, no session, no cookies, so no CSRF. Pages use
 * a session (kept in PostgreSQL, so any node serves any browser) with CSRF protection. Both chains write the audit
 * log. Which organisation a caller may act on is not decided here but by {@link AccessControl}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /** API calls anyone may make; everything else under /api needs a token. */
    private static final String[] PUBLIC_POST = {"/api/v1/auth/token", "/api/v1/volunteers"};
    private static final String[] PUBLIC_GET = {"/api/v1/public/**", "/api/v1/skills", "/api/v1/activities",
            "/api/v1/activities/*", "/api/v1/activities/*/calendar.ics", "/api/v1/calendar/**"};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemDetails problems, AuditTrail audit,
            AccessControl access) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // Nothing under /api asks the servlet request who is signed in, and /logout is a page: neither filter
                // would do anything here but wrap or match every call.
                .servletApi(servletApi -> servletApi.disable())
                .logout(logout -> logout.disable())
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, PUBLIC_POST).permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_GET).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response, new NotSignedIn()))
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                new Problem(HttpStatus.FORBIDDEN, "problem.forbidden", "You may not do this."))))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new AuditFilter(audit, access), SecurityContextHolderFilter.class)
                .headers(headers -> headers.referrerPolicy(policy -> policy
                        .policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuditTrail audit, AccessControl access,
            SecurityContextRepository contexts) throws Exception {
        http.securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/**", "/account/**", "/attend/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
                .addFilterAfter(new AuditFilter(audit, access), SecurityContextHolderFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(policy -> policy.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /**
     * No Micrometer observations of Spring Security's filters, authentications and authorizations: wrapping each of
     * the chain's filters in an observation with its own timers is a large share of an API request's CPU. The
     * requests themselves are still timed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }
}
