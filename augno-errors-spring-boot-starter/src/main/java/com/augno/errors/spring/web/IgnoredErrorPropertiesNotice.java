package com.augno.errors.spring.web;

import java.util.List;
import java.util.stream.Collectors;

import com.augno.errors.spring.format.ErrorFormat;
import com.augno.errors.spring.format.ErrorFormats;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;

/**
 * Says once at startup that Spring Boot's {@code spring.web.error.include-*} settings,
 * when the application sets any, do not shape the Augno envelope: its fields are fixed by
 * the contract, and a 5xx never shows an exception's message, class or stack trace
 * ({@code include-message} only lets a 4xx sent with {@code sendError} keep the reason
 * the application gave, see
 * {@link com.augno.errors.spring.servlet.AugnoErrorController}). And that an
 * application's {@code spring.mvc.problemdetails.enabled=true} no longer gives RFC 9457
 * answers, unless problem details are the starter's default format
 * ({@code augno.errors.format=problem}): Boot's problem details handler backs off for the
 * starter's.
 *
 * @since 0.1.0
 */
public final class IgnoredErrorPropertiesNotice implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(IgnoredErrorPropertiesNotice.class);

	private static final List<String> PROPERTIES = List.of("spring.web.error.include-exception",
			"spring.web.error.include-stacktrace", "spring.web.error.include-message",
			"spring.web.error.include-binding-errors", "spring.web.error.include-path");

	private static final String PROBLEM_DETAILS = "spring.mvc.problemdetails.enabled";

	private final Environment environment;

	private final ErrorFormat defaultFormat;

	/**
	 * Create the notice.
	 * @param environment the environment the settings are read from
	 * @param formats the formats errors are answered in
	 */
	public IgnoredErrorPropertiesNotice(Environment environment, ErrorFormats formats) {
		this.environment = environment;
		this.defaultFormat = formats.defaultFormat();
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!logger.isInfoEnabled()) {
			return;
		}
		String set = PROPERTIES.stream()
			.filter(this.environment::containsProperty)
			.map((name) -> name + "=" + this.environment.getProperty(name))
			.collect(Collectors.joining(", "));
		if (!set.isEmpty()) {
			logger.info(set + ": not applied to the Augno error envelope, whose fields are fixed by the Augno "
					+ "contract; a 5xx never shows an exception's message, class or stack trace, a 4xx says what "
					+ "was wrong in its message and param (with include-message, a 4xx sent with sendError keeps "
					+ "the reason the application gave as its message).");
		}
		String format = this.defaultFormat.name();
		if (this.environment.getProperty(PROBLEM_DETAILS, Boolean.class, false)
				&& !ErrorFormat.PROBLEM.equals(format)) {
			String answer = ErrorFormat.AUGNO.equals(format) ? "the Augno envelope" : "the " + format + " format";
			logger.info(PROBLEM_DETAILS + "=true: the errors the application's own exception handlers do not "
					+ "answer are answered with " + answer + ", not Spring Boot's problem details, whose handler "
					+ "gives way to the starter's; set augno.errors.format=problem to answer them as RFC 9457 "
					+ "problem details.");
		}
	}

}
