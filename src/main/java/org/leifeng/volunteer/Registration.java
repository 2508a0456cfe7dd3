package org.leifeng.volunteer;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.leifeng.platform.Masking;

/**
 * A registration as it arrives. {@code birthDate} and {@code sex} are asked only for documents that do not carry
 * them; {@code guardian} and {@code guardianConsent} only for minors. {@link #toString()} masks the documents, so a
 * registration that reaches a log line gives nothing away.
 */
public record Registration(
        @NotBlank @Size(max = 50) String name,
        @NotNull IdType idType,
        @NotBlank @Size(max = 30) String idNumber,
        @NotBlank @Size(max = 20) String phone,
        @NotNull @Size(min = 8, max = 64) String password,
        @Positive Long organisationId,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> skills,
        @Size(max = 20) List<@NotBlank @Size(max = 20) String> tags,
        LocalDate birthDate,
        Sex sex,
        @Valid Guardian guardian,
        Boolean guardianConsent,
        Boolean consent) {

    public Registration {
        skills = skills == null ? List.of() : List.copyOf(skills);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A minor's guardian: the document is required under 14, optional from 14 to 17. */
    public record Guardian(
            @NotBlank @Size(max = 50) String name,
            IdType idType,
            @Size(max = 30) String idNumber,
            @NotBlank @Size(max = 20) String phone,
            @NotBlank @Size(max = 30) String relation) {

        @Override
        public String toString() {
            return "Guardian[" + name + ", " + idType + " " + Masking.documentNumber(idNumber) + ", "
                    + Masking.phone(phone) + ", " + relation + "]";
        }
    }

    @Override
    public String toString() {
        return "Registration[" + name + ", " + idType + " " + Masking.documentNumber(idNumber) + ", "
                + Masking.phone(phone) + ", organisation " + organisationId + ", " + guardian + "]";
    }
}
