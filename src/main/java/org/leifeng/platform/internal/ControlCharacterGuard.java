package org.leifeng.platform.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.leifeng.platform.ControlCharacters;
import org.leifeng.platform.InvalidInput;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses a request whose query parameters, form fields or path segments carry a control character other than tab
 * and line breaks (JSON bodies are checked as they are read, {@link StrictJson}): a 400 naming the field, before any
 * controller sees it. It runs inside the filters, so the request is still audited like every other.
 */
class ControlCharacterGuard implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (ControlCharacters.refused(parameter.getKey())) {
                throw refused("parameter");
            }
            for (String value : parameter.getValue()) {
                if (ControlCharacters.refused(value)) {
                    throw refused(parameter.getKey());
                }
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (Map.Entry<?, ?> variable : variables.entrySet()) {
                if (variable.getValue() instanceof String value && ControlCharacters.refused(value)) {
                    throw refused(String.valueOf(variable.getKey()));
                }
            }
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (ControlCharacters.refused(path)) {
            throw refused("path");
        }
        return true;
    }

    private static InvalidInput refused(String field) {
        return new InvalidInput(field, "validation.controlCharacters");
    }
}
