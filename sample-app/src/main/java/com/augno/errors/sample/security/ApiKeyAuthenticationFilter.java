package com.augno.errors.sample.security;

import java.io.IOException;
import java.util.List;

import com.augno.errors.sample.platform.ApiKeys;
import com.augno.errors.spring.security.ApiKeyExpiredException;
import com.augno.errors.spring.security.ApiKeyRevokedException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>}. A key that is unknown, expired or
 * revoked, or a session token that expired, goes to the entry point with the matching
 * Spring Security exception, as Spring's own authentication filters do.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private final ApiKeys apiKeys;

	private final AuthenticationEntryPoint entryPoint;

	ApiKeyAuthenticationFilter(ApiKeys apiKeys, AuthenticationEntryPoint entryPoint) {
		this.apiKeys = apiKeys;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			chain.doFilter(request, response);
			return;
		}
		try {
			ApiKeys.ApiKey key = authenticate(authorization.substring("Bearer ".length()).trim());
			String scope = key.readOnly() ? "SCOPE_read" : "SCOPE_write";
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(key.secret(), null,
						List.of(new SimpleGrantedAuthority("SCOPE_read"), new SimpleGrantedAuthority(scope))));
		}
		catch (AuthenticationException ex) {
			SecurityContextHolder.clearContext();
			this.entryPoint.commence(request, response, ex);
			return;
		}
		chain.doFilter(request, response);
	}

	private ApiKeys.ApiKey authenticate(String secret) {
		ApiKeys.ApiKey key = this.apiKeys.find(secret);
		if (key == null) {
			throw new BadCredentialsException("Unknown API key");
		}
		return switch (key.status()) {
			case ACTIVE -> key;
			case EXPIRED -> throw new ApiKeyExpiredException("API key expired");
			case REVOKED -> throw new ApiKeyRevokedException("API key revoked");
			case SESSION_EXPIRED -> throw new CredentialsExpiredException("Session token expired");
		};
	}

}
