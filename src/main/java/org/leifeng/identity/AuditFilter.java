package org.leifeng.identity;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes one audit entry for every state-changing request, refused ones included, once it is answered, and holds the
 * answer back until the entry is committed. It sits in the security filter chain right after the security context is
 * loaded, so the entry names the signed-in actor. Entries of requests answered together share a commit
 * ({@link AuditWriter}).
 */
class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> READ_ONLY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final AuditTrail audit;
    private final AccessControl access;

    AuditFilter(AuditTrail audit, AccessControl access) {
        this.audit = audit;
        this.access = access;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READ_ONLY.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller actorBefore = access.currentCaller().orElse(null);
        AnswerHeldUntilAudited answer = new AnswerHeldUntilAudited(response);
        try {
            chain.doFilter(request, answer);
        } finally {
            Caller actor = access.currentCaller().orElse(actorBefore);
            AuditTrail.Description description = request.getAttribute(AuditTrail.DESCRIPTION)
                    instanceof AuditTrail.Description described ? described
                    : new AuditTrail.Description(request.getMethod() + " " + request.getRequestURI(), null, null, null, null);
            try {
                audit.writeAnswered(description, actor, request.getRemoteAddr(), response.getStatus());
            } catch (RuntimeException e) {
                log.error("Could not write the audit entry for {} {}", request.getMethod(), request.getRequestURI(), e);
            }
            answer.release();
        }
    }
}
