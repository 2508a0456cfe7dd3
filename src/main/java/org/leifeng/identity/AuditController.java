package org.leifeng.identity;

import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.leifeng.platform.Forbidden;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit log")
class AuditController {

    private final AuditTrail audit;
    private final AccessControl access;

    AuditController(AuditTrail audit, AccessControl access) {
        this.audit = audit;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Audit entries about organisations in the caller's administered subtrees, newest first")
    PageResult<AuditEntry> entries(@RequestParam(required = false) @Size(max = 120) String action,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        if (!access.isAdministrator()) {
            throw new Forbidden("problem.adminOnly", "Only administrators read the audit log.");
        }
        return audit.entries(action, PageRequest.of(page, size));
    }
}
