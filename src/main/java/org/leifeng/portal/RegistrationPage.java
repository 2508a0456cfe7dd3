package org.leifeng.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.leifeng.organisation.Organisation;
import org.leifeng.organisation.Organisations;
import org.leifeng.platform.ClientThrottle;
import org.leifeng.platform.InvalidInput;
import org.leifeng.platform.Problem;
import org.leifeng.platform.ProblemDetails;
import org.leifeng.platform.TooManyAttempts;
import org.leifeng.platform.WebPages;
import org.leifeng.volunteer.IdType;
import org.leifeng.volunteer.Registration;
import org.leifeng.volunteer.Sex;
import org.leifeng.volunteer.VolunteerProfile;
import org.leifeng.volunteer.Volunteers;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Registration on a phone. A refused form comes back with the reasons and what was typed, except the password, the
 * document numbers and the mobile numbers, which are never written back into a page.
 */
@WebPages
class RegistrationPage {

    private final Volunteers volunteers;
    private final Organisations organisations;
    private final ProblemDetails problems;
    private final ClientThrottle throttle;

    RegistrationPage(Volunteers volunteers, Organisations organisations, ProblemDetails problems,
            ClientThrottle throttle) {
        this.throttle = throttle;
        this.volunteers = volunteers;
        this.organisations = organisations;
        this.problems = problems;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", RegistrationForm.empty());
        return prepare(model);
    }

    @PostMapping("/register")
    String register(RegistrationForm form, BindingResult binding, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            throttle.admit(ClientThrottle.Action.REGISTRATION, request.getRemoteAddr());
        } catch (TooManyAttempts later) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
            return refused(later, form, model, response);
        }
        if (binding.hasFieldErrors()) {
            List<Problem.FieldError> errors = binding.getFieldErrors().stream()
                    .map(error -> new Problem.FieldError(error.getField(), "validation.wrongType")).toList();
            return refused(new InvalidInput(errors), form, model, response);
        }
        try {
            VolunteerProfile profile = volunteers.register(form.toRegistration());
            model.addAttribute("registered", profile);
            return "register-done";
        } catch (Problem problem) {
            return refused(problem, form, model, response);
        }
    }

    private String refused(Problem problem, RegistrationForm form, Model model, HttpServletResponse response) {
        response.setStatus(problem.status().value());
        model.addAttribute("problem", problems.of(problem));
        model.addAttribute("fieldErrors", problem.errors());
        model.addAttribute("form", form.withoutSecrets());
        return prepare(model);
    }

    private String prepare(Model model) {
        model.addAttribute("idTypes", IdType.values());
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("skills", volunteers.skillCatalogue());
        List<OrganisationGroup> groups = new ArrayList<>();
        for (Organisation district : organisations.activeChildren(organisations.cityId())) {
            groups.add(new OrganisationGroup(district, organisations.activeChildren(district.id())));
        }
        model.addAttribute("organisationGroups", groups);
        return "register";
    }

    /** A district or county with the organisations directly under it, as one group of the picker. */
    record OrganisationGroup(Organisation head, List<Organisation> members) {
    }

    /** The form's fields as the browser posts them. */
    record RegistrationForm(String name, IdType idType, String idNumber, String phone, String password,
            Long organisationId, List<String> skills, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
            Sex sex, String guardianName, IdType guardianIdType, String guardianIdNumber, String guardianPhone,
            String guardianRelation, Boolean guardianConsent, Boolean consent) {

        static RegistrationForm empty() {
            return new RegistrationForm("", IdType.RESIDENT_ID, "", "", "", null, List.of(), null, null, "",
                    IdType.RESIDENT_ID, "", "", "", false, false);
        }

        public boolean guardianConsentGiven() {
            return Boolean.TRUE.equals(guardianConsent);
        }

        public boolean consentGiven() {
            return Boolean.TRUE.equals(consent);
        }

        RegistrationForm withoutSecrets() {
            return new RegistrationForm(name, idType, "", "", "", organisationId, skills, birthDate, sex, guardianName,
                    guardianIdType, "", "", guardianRelation, guardianConsent, consent);
        }

        Registration toRegistration() {
            boolean hasGuardian = guardianName != null && !guardianName.isBlank();
            Registration.Guardian guardian = hasGuardian ? new Registration.Guardian(guardianName, guardianIdType,
                    blankToNull(guardianIdNumber), guardianPhone, guardianRelation == null ? "" : guardianRelation) : null;
            return new Registration(name, idType, idNumber, phone, password, organisationId,
                    skills == null ? List.of() : skills, List.of(), birthDate, sex, guardian, guardianConsentGiven(),
                    consentGiven());
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
