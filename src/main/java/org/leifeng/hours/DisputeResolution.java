package org.leifeng.hours;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The organiser's answer: {@code hours} set corrects the record to them; without, the reply explains it as it is. */
public record DisputeResolution(@DecimalMin("0.0") @DecimalMax("24.0") @Digits(integer = 2, fraction = 1) BigDecimal hours,
        @NotBlank @Size(max = 500) String reply) {
}
