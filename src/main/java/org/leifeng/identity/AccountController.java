package org.leifeng.identity;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts")
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @Operation(summary = "Create an account with role grants",
            description = "The caller must be ORG_ADMIN over every organisation it grants a role on.")
    ResponseEntity<AccountResponse> create(@Valid @RequestBody NewAccount request) {
        AccountView account = accounts.create(request);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id())).body(AccountResponse.of(account));
    }

    @GetMapping
    @Operation(summary = "Accounts holding a grant within the caller's administered subtrees")
    PageResult<AccountResponse> list(@RequestParam(required = false) @Size(max = 64) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return accounts.list(q, PageRequest.of(page, size)).map(AccountResponse::of);
    }

    @GetMapping("/{id}")
    AccountResponse get(@PathVariable @Positive long id) {
        return AccountResponse.of(accounts.get(id));
    }

    @PostMapping("/{id}/grants")
    @Operation(summary = "Grant a role over an organisation (ORG_ADMIN over it required)")
    AccountResponse grant(@PathVariable @Positive long id, @Valid @RequestBody Grant grant) {
        return AccountResponse.of(accounts.grant(id, grant));
    }

    @DeleteMapping("/{id}/grants")
    @Operation(summary = "Revoke a role over an organisation (ORG_ADMIN over it required)")
    AccountResponse revoke(@PathVariable @Positive long id, @RequestParam @NotNull Role role,
            @RequestParam @NotNull @Positive Long organisationId) {
        return AccountResponse.of(accounts.revoke(id, new Grant(role, organisationId)));
    }

    record AccountResponse(long id, String username, boolean enabled, List<Grant> grants) {
        static AccountResponse of(AccountView account) {
            return new AccountResponse(account.id(), account.username(), account.enabled(), account.grants());
        }
    }
}
