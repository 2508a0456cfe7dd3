package org.leifeng.identity;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.leifeng.platform.Problem;
import org.leifeng.platform.ProblemDetails;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <token>}. A token that is unknown, expired or
 * revoked is answered with 401 at once rather than treated as anonymous, so a client learns its token is dead.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;
    private final ProblemDetails problems;

    BearerTokenFilter(ApiTokens tokens, ProblemDetails problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = tokens.authenticate(header.substring(PREFIX.length()).trim());
        if (caller.isEmpty()) {
            problems.write(request, response, new Problem(HttpStatus.UNAUTHORIZED, "problem.invalidToken",
                    "The token is unknown, expired or revoked; request a new one."));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(caller.get(), null,
                List.of(new SimpleGrantedAuthority("ROLE_USER")));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }
}
