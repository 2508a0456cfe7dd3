package org.leifeng.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.leifeng.platform.ClientThrottle;
import org.leifeng.platform.TooManyAttempts;
import org.leifeng.platform.WebPages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. It is throttled per address and checks credentials through {@link SignIn}, as the token endpoint
 * is and does, so both refusals answer the browser with the same 429 and {@code Retry-After}, and a message saying
 * when to try again; on success the session id changes (no fixation).
 */
@WebPages
class SignInPage {

    private final SignIn signIn;
    private final SecurityContextRepository contexts;
    private final AccessControl access;
    private final AuditTrail audit;
    private final ClientThrottle throttle;
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    SignInPage(SignIn signIn, SecurityContextRepository contexts, AccessControl access, AuditTrail audit,
            ClientThrottle throttle) {
        this.throttle = throttle;
        this.signIn = signIn;
        this.contexts = contexts;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/login")
    String form() {
        return "login";
    }

    @PostMapping("/login")
    String signIn(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        // A refused form keeps a username, never a mobile number: no page shows one in full.
        model.addAttribute("username", SignInNames.mobileNumber(username).isPresent() ? "" : username);
        audit.describe(AccountAudit.SIGNED_IN, "account", null, null, username);
        Caller caller;
        try {
            throttle.admit(ClientThrottle.Action.SIGN_IN, request.getRemoteAddr());
            caller = signIn.authenticate(username, password, request.getRemoteAddr());
        } catch (TooManyAttempts later) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
            model.addAttribute(later instanceof SignIn.AccountLocked ? "lockedMinutes" : "throttledMinutes",
                    (later.retryAfterSeconds() + 59) / 60);
            return "login";
        } catch (SignIn.BadCredentials wrong) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("badCredentials", true);
            return "login";
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
                List.of(new SimpleGrantedAuthority("ROLE_USER"))));
        SecurityContextHolder.setContext(context);
        request.getSession(true);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        audit.describe(AccountAudit.SIGNED_IN, "account", caller.accountId(), null, caller.displayName());
        SavedRequest saved = savedRequests.getRequest(request, response);
        if (saved != null) {
            savedRequests.removeRequest(request, response);
            return "redirect:" + saved.getRedirectUrl();
        }
        return access.isAdministrator() ? "redirect:/admin/organisations" : "redirect:/";
    }
}
