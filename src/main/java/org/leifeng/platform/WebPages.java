package org.leifeng.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Controller;

/**
 * A controller that answers with HTML pages. What every page needs (the layout's model, the friendly error page) is
 * advised to these only: a {@code @RestController} is a {@code @Controller} too, and preparing a page's model for
 * each JSON call would be a noticeable share of a sign-up's time in the application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface WebPages {
}
