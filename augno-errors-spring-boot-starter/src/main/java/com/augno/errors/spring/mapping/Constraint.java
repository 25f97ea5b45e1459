package com.augno.errors.spring.mapping;

import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.util.ClassUtils;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterValidationResult;

/**
 * One failed constraint, as the validation mappers need it: its name ({@code NotNull}),
 * its attributes ({@code value}, {@code min}, ...), the value the client sent, and the
 * message its author wrote, if any. Built from Bean Validation's
 * {@link ConstraintViolation} when Bean Validation is present, else from Spring's error
 * codes.
 *
 * @param name the simple name of the constraint annotation
 * @param attributes the annotation's attributes, empty when unknown
 * @param rejectedValue the value that failed
 * @param explicitMessage the message written on the constraint, or {@code null} when it
 * uses the default message of Bean Validation or Hibernate Validator
 */
record Constraint(String name, Map<String, Object> attributes, @Nullable Object rejectedValue,
		@Nullable String explicitMessage) {

	private static final boolean BEAN_VALIDATION_PRESENT = ClassUtils
		.isPresent("jakarta.validation.ConstraintViolation", Constraint.class.getClassLoader());

	private static final Set<String> MISSING = Set.of("NotNull", "NotBlank", "NotEmpty");

	private static final Set<String> FORMAT = Set.of("Email", "Pattern", "URL", "UUID", "CreditCardNumber", "ISBN",
			"EAN", "LuhnCheck", "Mod10Check", "Mod11Check", "Digits");

	static Constraint of(ObjectError error, @Nullable Object rejectedValue) {
		if (BEAN_VALIDATION_PRESENT && error.contains(ConstraintViolation.class)) {
			return BeanValidation.of(error.unwrap(ConstraintViolation.class), rejectedValue);
		}
		return new Constraint(nameOf(error), Map.of(), rejectedValue, null);
	}

	static Constraint of(ParameterValidationResult result, MessageSourceResolvable error) {
		if (BEAN_VALIDATION_PRESENT) {
			try {
				return BeanValidation.of(result.unwrap(error, ConstraintViolation.class), result.getArgument());
			}
			catch (IllegalArgumentException ex) {
				// Not from Bean Validation: fall back to Spring's codes.
			}
		}
		return new Constraint(nameOf(error), Map.of(), result.getArgument(), null);
	}

	static Constraint of(ConstraintViolation<?> violation) {
		return BeanValidation.of(violation, violation.getInvalidValue());
	}

	/**
	 * Return the category: missing before format before any other, which is also the
	 * order in which one violation is preferred over another.
	 */
	Category category() {
		if (MISSING.contains(this.name) && this.rejectedValue == null) {
			return Category.MISSING;
		}
		return FORMAT.contains(this.name) ? Category.FORMAT : Category.OTHER;
	}

	private static String nameOf(MessageSourceResolvable error) {
		String[] codes = error.getCodes();
		return (codes != null && codes.length > 0) ? codes[codes.length - 1] : "Invalid";
	}

	enum Category {

		MISSING, FORMAT, OTHER

	}

	/**
	 * Reads Bean Validation types; only loaded when Bean Validation is on the classpath.
	 */
	private static final class BeanValidation {

		static Constraint of(ConstraintViolation<?> violation, @Nullable Object rejectedValue) {
			var descriptor = violation.getConstraintDescriptor();
			String name = descriptor.getAnnotation().annotationType().getSimpleName();
			String template = violation.getMessageTemplate();
			boolean defaultMessage = template.startsWith("{jakarta.validation.constraints.")
					|| template.startsWith("{org.hibernate.validator.constraints.");
			return new Constraint(name, descriptor.getAttributes(), rejectedValue,
					defaultMessage ? null : violation.getMessage());
		}

	}

}
