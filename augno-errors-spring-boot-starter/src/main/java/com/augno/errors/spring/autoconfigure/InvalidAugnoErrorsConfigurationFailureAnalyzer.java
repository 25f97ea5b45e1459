package com.augno.errors.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link InvalidAugnoErrorsConfigurationException} the way Spring Boot reports
 * a property it cannot bind: the property, its value, the reason and the action, instead
 * of the chain of bean creation failures it was thrown through.
 *
 * @since 0.1.0
 */
class InvalidAugnoErrorsConfigurationFailureAnalyzer
		extends AbstractFailureAnalyzer<InvalidAugnoErrorsConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidAugnoErrorsConfigurationException cause) {
		String value = (cause.getValue() != null) ? "\"" + cause.getValue() + "\"" : "(not set)";
		String description = "Invalid augno-errors configuration:%n%n    Property: %s%n    Value: %s%n    Reason: %s"
			.formatted(cause.getProperty(), value, cause.getReason());
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
