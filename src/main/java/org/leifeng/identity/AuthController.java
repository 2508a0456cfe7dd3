package org.leifeng.identity;

import java.time.OffsetDateTime;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.leifeng.platform.ClientThrottle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

    private final SignIn signIn;
    private final ApiTokens tokens;
    private final AuditTrail audit;
    private final ClientThrottle throttle;

    AuthController(SignIn signIn, ApiTokens tokens, AuditTrail audit, ClientThrottle throttle) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.audit = audit;
        this.throttle = throttle;
    }

    @PostMapping("/token")
    @Operation(summary = "Exchange a username and password for an API token",
            description = "429 with Retry-After: too many sign-ins from this address (default 20 a minute, 200 an "
                    + "hour), or too many wrong passwords for this account: from this address after five within an "
                    + "hour (waits of 1, 2, 4, 8, then 15 minutes), from anywhere after ten (one attempt a minute).")
    TokenResponse token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        audit.describe(AccountAudit.TOKEN_ISSUED, "account", null, null, credentials.username());
        throttle.admit(ClientThrottle.Action.SIGN_IN, request.getRemoteAddr());
        Caller caller = signIn.authenticate(credentials.username(), credentials.password(), request.getRemoteAddr());
        ApiTokens.IssuedToken token = tokens.issue(caller.accountId());
        audit.describe(AccountAudit.TOKEN_ISSUED, "account", caller.accountId(), null, caller.displayName());
        return new TokenResponse(token.token(), token.expiresAt());
    }

    @PostMapping("/logout")
    @Operation(summary = "Revoke the token this request carries")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        tokens.revoke(header.substring("Bearer ".length()).trim());
        audit.describe(AccountAudit.SIGNED_OUT, "account", null, null);
        return ResponseEntity.noContent().build();
    }

    record Credentials(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    record TokenResponse(String token, OffsetDateTime expiresAt) {
    }
}
