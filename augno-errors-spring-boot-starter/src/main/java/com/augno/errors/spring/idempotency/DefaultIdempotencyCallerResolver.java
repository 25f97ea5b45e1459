package com.augno.errors.spring.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The default caller of a request: the authenticated Spring Security principal when there
 * is one (Spring Security on the class path, and the idempotency filter ordered after its
 * filter chain), else the value of a configured header (such as {@code Authorization},
 * which carries the API key), else the client's address ({@code getRemoteAddr()}, the
 * proxy's unless {@code server.forward-headers-strategy} is set).
 *
 * @since 0.1.0
 */
public final class DefaultIdempotencyCallerResolver implements IdempotencyCallerResolver {

	private static final boolean SECURITY_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.core.context.SecurityContextHolder",
			DefaultIdempotencyCallerResolver.class.getClassLoader());

	private final @Nullable String header;

	/**
	 * Create a resolver.
	 * @param header the request header that identifies the caller when no principal is
	 * authenticated, or {@code null} or empty for none
	 */
	public DefaultIdempotencyCallerResolver(@Nullable String header) {
		this.header = StringUtils.hasText(header) ? header : null;
	}

	@Override
	public String resolve(HttpServletRequest request) {
		if (SECURITY_PRESENT) {
			String principal = Principals.current();
			if (principal != null) {
				return "principal:" + principal;
			}
		}
		if (this.header != null) {
			String value = request.getHeader(this.header);
			if (StringUtils.hasText(value)) {
				return "header:" + value;
			}
		}
		return "address:" + request.getRemoteAddr();
	}

	/**
	 * Spring Security's side, in a class of its own so that it loads only when Spring
	 * Security is on the class path.
	 */
	private static final class Principals {

		static @Nullable String current() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null || !authentication.isAuthenticated()
					|| authentication instanceof AnonymousAuthenticationToken) {
				return null;
			}
			String name = authentication.getName();
			return StringUtils.hasText(name) ? name : null;
		}

	}

}
