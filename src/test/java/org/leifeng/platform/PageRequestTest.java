package org.leifeng.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

class PageRequestTest {

    @Test
    void defaultsToFirstPageOfTwenty() {
        PageRequest page = PageRequest.of(null, null);

        assertThat(page.page()).isZero();
        assertThat(page.size()).isEqualTo(20);
        assertThat(page.offset()).isZero();
    }

    @Test
    void acceptsTheBoundaries() {
        assertThat(new PageRequest(0, 1).size()).isEqualTo(1);
        assertThat(new PageRequest(0, PageRequest.MAX_SIZE).size()).isEqualTo(200);
    }

    @Test
    void offsetIsPageTimesSizeWithoutOverflow() {
        assertThat(new PageRequest(3, 25).offset()).isEqualTo(75);
        assertThat(new PageRequest(Integer.MAX_VALUE, 200).offset()).isEqualTo(Integer.MAX_VALUE * 200L);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 201, 1000})
    void refusesSizeOutsideOneTo200(int size) {
        assertThatThrownBy(() -> new PageRequest(0, size))
                .isInstanceOfSatisfying(InvalidInput.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("size");
                });
    }

    @Test
    void refusesNegativePage() {
        assertThatThrownBy(() -> PageRequest.of(-1, 10))
                .isInstanceOfSatisfying(InvalidInput.class,
                        problem -> assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("page"));
    }

    @Test
    void pageResultMapsItemsAndKeepsCounts() {
        PageResult<Integer> numbers = new PageResult<>(List.of(1, 2, 3), 2, 3, 11);

        PageResult<String> mapped = numbers.map(number -> "#" + number);

        assertThat(mapped.items()).containsExactly("#1", "#2", "#3");
        assertThat(mapped.page()).isEqualTo(2);
        assertThat(mapped.size()).isEqualTo(3);
        assertThat(mapped.total()).isEqualTo(11);
        assertThat(mapped.totalPages()).isEqualTo(4);
    }
}
