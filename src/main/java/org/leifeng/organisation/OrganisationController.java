package org.leifeng.organisation;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.leifeng.platform.MergePatch;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations")
class OrganisationController {

    private final Organisations organisations;
    private final MergePatch mergePatch;

    OrganisationController(Organisations organisations, MergePatch mergePatch) {
        this.organisations = organisations;
        this.mergePatch = mergePatch;
    }

    @PostMapping
    @Operation(summary = "Add an organisation under a parent the caller administers")
    ResponseEntity<OrganisationResponse> create(@Valid @RequestBody NewOrganisation request) {
        Organisation created = organisations.create(request);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id()))
                .body(OrganisationResponse.of(created));
    }

    @GetMapping
    @Operation(summary = "Search organisations by name within the caller's subtrees")
    PageResult<OrganisationResponse> search(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) OrganisationType type,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return organisations.search(q, type, PageRequest.of(page, size)).map(OrganisationResponse::of);
    }

    @GetMapping("/{id}")
    OrganisationResponse get(@PathVariable @Positive long id) {
        return OrganisationResponse.of(organisations.get(id));
    }

    @GetMapping("/{id}/children")
    @Operation(summary = "The direct children of an organisation, paged")
    PageResult<OrganisationResponse> children(@PathVariable @Positive long id,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return organisations.children(id, PageRequest.of(page, size)).map(OrganisationResponse::of);
    }

    @PatchMapping(path = "/{id}", consumes = {MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Rename an organisation",
            description = "JSON Merge Patch (RFC 7396); the name cannot be null.")
    OrganisationResponse rename(@PathVariable @Positive long id,
            @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = Rename.class))) JsonNode patch) {
        Rename merged = mergePatch.apply(new Rename(organisations.get(id).name()), patch, Rename.class);
        return OrganisationResponse.of(organisations.rename(id, merged.name()));
    }

    @PostMapping("/{id}/move")
    @Operation(summary = "Move an organisation with its subtree under another parent (administrator of both)")
    OrganisationResponse move(@PathVariable @Positive long id, @Valid @RequestBody Move request) {
        return OrganisationResponse.of(organisations.move(id, request.parentId()));
    }

    @PostMapping("/{id}/deactivate")
    @Operation(summary = "Deactivate an organisation without active children; it is never deleted")
    OrganisationResponse deactivate(@PathVariable @Positive long id) {
        return OrganisationResponse.of(organisations.deactivate(id));
    }

    @PostMapping("/{id}/activate")
    OrganisationResponse activate(@PathVariable @Positive long id) {
        return OrganisationResponse.of(organisations.activate(id));
    }

    record Rename(@NotBlank @Size(max = 100) String name) {
    }

    record Move(@NotNull @Positive Long parentId) {
    }

    record OrganisationResponse(long id, String name, OrganisationType type, Long parentId, String path, int depth,
            boolean active, int childCount) {
        static OrganisationResponse of(Organisation organisation) {
            return new OrganisationResponse(organisation.id(), organisation.name(), organisation.type(),
                    organisation.parentId(), organisation.path(), organisation.depth(), organisation.active(),
                    organisation.childCount());
        }
    }
}
