package com.augno.errors.sample.users;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;
import com.augno.errors.sample.platform.PlatformErrors;
import com.augno.errors.spring.web.PossibleErrors;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration: Bean Validation gives missing_field, invalid_format and
 * validation_failed; an email already registered gives resource_exists; a plan whose
 * registration is closed gives registration_closed.
 */
@RestController
@PlatformErrors
class RegistrationController {

	private static final Set<String> CLOSED_PLANS = Set.of("enterprise_beta");

	private final Map<String, String> usersByEmail = new ConcurrentHashMap<>(Map.of("taken@example.com", "usr_1"));

	@PostMapping("/v1/auth/users")
	@PossibleErrors({ "resource_exists", "registration_closed" })
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> register(@Valid @RequestBody Registration registration) {
		if (registration.plan() != null && CLOSED_PLANS.contains(registration.plan())) {
			throw AugnoException.of(ErrorCodes.REGISTRATION_CLOSED);
		}
		String email = registration.email().toLowerCase(Locale.ROOT);
		String id = "usr_" + (this.usersByEmail.size() + 1);
		if (this.usersByEmail.putIfAbsent(email, id) != null) {
			throw AugnoException.of(ErrorCodes.RESOURCE_EXISTS).message("A user with this email already exists.");
		}
		return Map.of("id", id, "email", email);
	}

}
