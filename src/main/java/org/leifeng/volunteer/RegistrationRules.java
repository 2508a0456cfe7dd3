package org.leifeng.volunteer;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.leifeng.platform.InvalidInput;
import org.leifeng.platform.RuleViolation;

/**
 * The rules a registration must pass before anything is stored (DOMAIN.md "Identity documents", PIPL Art 28 and 31,
 * 河南条例 Art 8): a real name; a document that checks out (birth date and sex read from a resident ID, asked for
 * other documents); a mainland mobile number; consent; and for minors a guardian — with the guardian's document
 * under 14 — and the guardian's consent.
 */
final class RegistrationRules {

    static final int AGE_OF_CONSENT_FOR_DATA = 14;
    static final int AGE_OF_MAJORITY = 18;
    private static final int OLDEST_PLAUSIBLE_AGE = 120;

    private RegistrationRules() {
    }

    static CheckedRegistration check(Registration registration, LocalDate today) {
        if (!Boolean.TRUE.equals(registration.consent())) {
            throw new InvalidInput("consent", "volunteer.validation.consentRequired");
        }
        String name = PersonalNames.normalise(registration.name());
        if (!PersonalNames.isValid(name)) {
            throw new InvalidInput("name", "volunteer.validation.name");
        }
        Document document = document("idNumber", registration.idType(), registration.idNumber(), today);
        LocalDate birthDate = document.birthDate().orElse(registration.birthDate());
        Sex sex = document.sex().orElse(registration.sex());
        if (birthDate == null) {
            throw new InvalidInput("birthDate", "volunteer.validation.birthDateRequired");
        }
        if (birthDate.isAfter(today) || Volunteers.ageOn(birthDate, today) > OLDEST_PLAUSIBLE_AGE) {
            throw new InvalidInput("birthDate", "volunteer.validation.birthDate");
        }
        String phone = MobileNumbers.normalise(registration.phone());
        if (!MobileNumbers.isValid(phone)) {
            throw new InvalidInput("phone", "volunteer.validation.phone");
        }
        Optional<CheckedRegistration.CheckedGuardian> guardian = guardianOf(registration,
                Volunteers.ageOn(birthDate, today), today);
        List<String> skills = registration.skills().stream().map(String::strip).map(Volunteers::upper).distinct().toList();
        List<String> tags = registration.tags().stream().map(String::strip).distinct().toList();
        return new CheckedRegistration(name, document.number(), phone, birthDate, sex, skills, tags, guardian);
    }

    private static Optional<CheckedRegistration.CheckedGuardian> guardianOf(Registration registration, int age,
            LocalDate today) {
        if (age >= AGE_OF_MAJORITY) {
            return Optional.empty();
        }
        Registration.Guardian guardian = registration.guardian();
        if (guardian == null) {
            throw new RuleViolation("volunteer.guardianRequired",
                    "Volunteers under 18 register with a guardian (name, phone, relation).", age);
        }
        boolean documentNeeded = age < AGE_OF_CONSENT_FOR_DATA;
        boolean documentGiven = guardian.idType() != null && guardian.idNumber() != null && !guardian.idNumber().isBlank();
        if (documentNeeded && !documentGiven) {
            throw new RuleViolation("volunteer.guardianDocumentRequired",
                    "For volunteers under 14 the guardian's identity document is recorded too.", age);
        }
        if (!Boolean.TRUE.equals(registration.guardianConsent())) {
            throw new RuleViolation("volunteer.guardianConsentRequired",
                    "A volunteer under 18 needs the guardian's consent.", age);
        }
        String phone = MobileNumbers.normalise(guardian.phone());
        if (!MobileNumbers.isValid(phone)) {
            throw new InvalidInput("guardian.phone", "volunteer.validation.phone");
        }
        String name = PersonalNames.normalise(guardian.name());
        if (!PersonalNames.isValid(name)) {
            throw new InvalidInput("guardian.name", "volunteer.validation.name");
        }
        String number = documentGiven
                ? document("guardian.idNumber", guardian.idType(), guardian.idNumber(), today).number() : null;
        return Optional.of(new CheckedRegistration.CheckedGuardian(name, documentGiven ? guardian.idType() : null,
                number, phone, guardian.relation().strip()));
    }

    private static Document document(String field, IdType type, String raw, LocalDate today) {
        String number = ResidentIdNumber.normalise(raw);
        if (type == IdType.RESIDENT_ID) {
            Optional<ResidentIdNumber.Defect> defect = ResidentIdNumber.defectOf(number, today);
            if (defect.isPresent()) {
                throw new InvalidInput(field, "volunteer.validation.idNumber." + defect.get());
            }
            ResidentIdNumber resident = ResidentIdNumber.parse(number, today);
            return new Document(number, Optional.of(resident.birthDate()), Optional.of(resident.sex()));
        }
        if (!type.looksValid(number)) {
            throw new InvalidInput(field, "volunteer.validation.otherDocument");
        }
        return new Document(number, Optional.empty(), Optional.empty());
    }

    private record Document(String number, Optional<LocalDate> birthDate, Optional<Sex> sex) {
    }
}
