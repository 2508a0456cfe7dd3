package org.leifeng.platform;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * PATCH as JSON Merge Patch (RFC 7396): the body names only what changes; a member with a value sets it, an explicit
 * {@code null} clears it, an absent one stays as it is, and an object is merged member by member. The patch is merged
 * onto the current state written as the command that would set it, and the merged command is read and validated as a
 * whole, so a required field patched to {@code null} is refused with a 400 naming it, and nothing is written.
 */
@Component
public class MergePatch {

    /** {@code application/merge-patch+json}; PATCH endpoints take plain {@code application/json} alike. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final JsonMapper json;
    private final InputValidator inputs;

    MergePatch(JsonMapper json, InputValidator inputs) {
        this.json = json;
        this.inputs = inputs;
    }

    /** The command {@code current} with {@code patch} merged onto it, checked by its constraints. */
    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidInput("body", "validation.mergePatchObject");
        }
        JsonNode merged = merge(json.valueToTree(current), patch);
        T command;
        try {
            command = json.treeToValue(merged, type);
        } catch (JacksonException refused) {
            throw new InvalidInput(List.of(JsonFields.errorOf(refused)
                    .orElse(new Problem.FieldError("body", "validation.wrongType"))));
        }
        return inputs.check(command);
    }

    /** RFC 7396, section 2. */
    private JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target.deepCopy()
                : json.createObjectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
