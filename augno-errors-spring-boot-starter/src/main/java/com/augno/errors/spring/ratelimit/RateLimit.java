package com.augno.errors.spring.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits the requests a caller may make to a handler method, or to every handler of a
 * controller, per window: {@code @RateLimit(limit = 10, window = "1m")}. Over the limit,
 * the request is refused with {@code rate_limit_exceeded} (429) before the handler runs.
 * A method's annotation replaces its class's.
 *
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RateLimit {

	/**
	 * Requests a caller may make per window.
	 * @return the limit, at least 1
	 */
	long limit();

	/**
	 * Length of the window, in Spring Boot's duration syntax ({@code 10s}, {@code 1m},
	 * {@code PT1H}); the limit is given back in full at the end of each window.
	 * @return the window
	 */
	String window() default "1m";

	/**
	 * Name of the policy, sent in the {@code RateLimit} headers and part of the bucket
	 * key; two handlers with the same name share their buckets. Empty for a name derived
	 * from the handler ({@code ControllerClass.method}).
	 * @return the name
	 */
	String name() default "";

}
