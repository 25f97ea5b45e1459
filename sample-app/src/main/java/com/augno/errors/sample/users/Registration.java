package com.augno.errors.sample.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/auth/users}; the sample writes JSON in snake_case, so
 * {@code displayName} is {@code display_name} on the wire and in {@code param}.
 *
 * @param name the user's name
 * @param email the user's email
 * @param password the password, at least 12 characters
 * @param displayName an optional display name, at most 40 characters
 * @param plan the plan to register under
 */
public record Registration(@NotBlank String name, @NotBlank @Email String email,
		@NotBlank @Size(min = 12, max = 128) String password, @Size(max = 40) @Nullable String displayName,
		@Nullable String plan) {

}
