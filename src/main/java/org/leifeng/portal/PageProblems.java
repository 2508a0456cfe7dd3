package org.leifeng.portal;

import jakarta.servlet.http.HttpServletRequest;

import org.leifeng.platform.Problem;
import org.leifeng.platform.ProblemDetails;
import org.leifeng.platform.WebPages;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A refusal on a page (404 outside one's scope, 403) shows the friendly error page with the same status. */
@ControllerAdvice(annotations = WebPages.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

    private final ProblemDetails problems;
    private final LayoutModel layout;

    PageProblems(ProblemDetails problems, LayoutModel layout) {
        this.problems = problems;
        this.layout = layout;
    }

    /** Exception handlers start from an empty model, so the layout is added here again. */
    @ExceptionHandler(Problem.class)
    ModelAndView problem(Problem problem, HttpServletRequest request) {
        ModelAndView view = new ModelAndView("error", problem.status());
        view.addObject("layout", layout.layout(request));
        view.addObject("status", problem.status().value());
        view.addObject("title", problems.title(problem.status()));
        view.addObject("detail", problems.of(problem).getDetail());
        return view;
    }
}
