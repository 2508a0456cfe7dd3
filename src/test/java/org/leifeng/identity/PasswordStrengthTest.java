package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leifeng.platform.InvalidInput;

class PasswordStrengthTest {

    private static final PasswordStrength STRENGTH = new PasswordStrength();

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "password", "aaaaaaaa", "Password1", "1qaz2wsx", "abcdefgh", "iloveyou1",
            "qwertyuiop"})
    void refusesPasswordsEveryGuesserTriesFirst(String password) {
        assertThat(STRENGTH.isStrong(password, List.of())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"woaini1314", "5201314a", "a123456789", "qq123456", "zhangwei123", "Kaifeng2026",
            "xuexileifeng2026", "88888888"})
    void refusesPasswordsCommonAmongChineseUsers(String password) {
        assertThat(STRENGTH.isStrong(password, List.of())).isFalse();
    }

    @Test
    void refusesAPasswordMadeOfThePersonsOwnPhoneNameOrUsername() {
        assertThat(STRENGTH.isStrong("17069384152", List.of())).as("an unknown 11-digit number").isTrue();
        assertThat(STRENGTH.isStrong("17069384152", List.of("17069384152", "张伟"))).isFalse();
        assertThat(STRENGTH.isStrong("张伟17069384152", List.of("17069384152", "张伟"))).isFalse();
        assertThat(STRENGTH.isStrong("Longting.Organiser7", List.of())).isTrue();
        assertThat(STRENGTH.isStrong("Longting.Organiser7", List.of("longting.organiser"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Leifeng-demo-2026", "test-admin-password", "volunteer-pass-1", "hongqi-jiaotong-xinhao",
            "river-lantern-bicycle", "第一次做志愿者很开心"})
    void acceptsPasswordsThatTakeManyGuesses(String password) {
        assertThat(STRENGTH.isStrong(password, List.of("测试志愿者", "17012345678"))).isTrue();
    }

    @Test
    void aWeakPasswordIsRefusedAsInvalidInputOfTheNamedField() {
        assertThatThrownBy(() -> STRENGTH.check("newPassword", "password", List.of()))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> {
                    assertThat(refused.status().value()).isEqualTo(400);
                    assertThat(refused.errors()).extracting(error -> error.field() + " " + error.message())
                            .containsExactly("newPassword validation.passwordWeak");
                });
    }
}
