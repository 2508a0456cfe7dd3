package org.leifeng.volunteer;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.leifeng.platform.Masking;

/** A registration that passed {@link RegistrationRules}: values normalised, birth date and sex known. */
record CheckedRegistration(String name, String idNumber, String phone, LocalDate birthDate, Sex sex,
        List<String> skills, List<String> tags, Optional<CheckedGuardian> guardian) {

    record CheckedGuardian(String name, IdType idType, String idNumber, String phone, String relation) {
        @Override
        public String toString() {
            return "CheckedGuardian[" + name + ", " + Masking.documentNumber(idNumber) + "]";
        }
    }

    @Override
    public String toString() {
        return "CheckedRegistration[" + name + ", " + Masking.documentNumber(idNumber) + ", " + Masking.phone(phone) + "]";
    }
}
