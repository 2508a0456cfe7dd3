package org.leifeng.portal;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.leifeng.identity.AccessControl;
import org.leifeng.identity.Caller;
import org.leifeng.identity.Role;
import org.leifeng.organisation.Organisations;
import org.leifeng.platform.WebPages;
import org.leifeng.volunteer.Volunteers;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout of every page needs: the city, the signed-in person, what they may open, the language. */
@ControllerAdvice(annotations = WebPages.class)
class LayoutModel {

    private final Organisations organisations;
    private final AccessControl access;
    private final Volunteers volunteers;

    LayoutModel(Organisations organisations, AccessControl access, Volunteers volunteers) {
        this.organisations = organisations;
        this.access = access;
        this.volunteers = volunteers;
    }

    /** Organisation names for pages that show organisation ids: {@code ${names.of(id)}}. */
    @ModelAttribute("names")
    OrganisationNames names() {
        return new OrganisationNames(organisations);
    }

    @ModelAttribute("layout")
    Layout layout(HttpServletRequest request) {
        Optional<Caller> caller = access.currentCaller();
        Locale locale = LocaleContextHolder.getLocale();
        boolean volunteer = caller.flatMap(signedIn -> volunteers.idOfAccount(signedIn.account())).isPresent();
        return new Layout(organisations.cityOverview().cityName(), caller.map(Caller::displayName).orElse(null),
                caller.isPresent() && access.isAdministrator(), !access.scopePaths(Role.TEAM_LEADER).isEmpty(), volunteer,
                locale.getLanguage().equals("en") ? "en" : "zh-CN", request.getRequestURI());
    }

    /** {@code language} is the page's {@code lang} attribute; {@code path} marks the current navigation entry. */
    record Layout(String cityName, String username, boolean administrator, boolean organiser, boolean volunteer,
            String language, String path) {

        public boolean signedIn() {
            return username != null;
        }

        public boolean at(String prefix) {
            return prefix.equals("/") ? path.equals("/") : path.startsWith(prefix);
        }
    }
}
