package org.leifeng.hours;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The hours a record should have and why (民政部办法: a fix is a new entry with reason and author). */
public record Correction(@NotNull @DecimalMin("0.0") @DecimalMax("24.0") @Digits(integer = 2, fraction = 1) BigDecimal hours,
        @NotBlank @Size(max = 500) String reason) {
}
