package com.augno.errors.spring.idempotency;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default caller: the authenticated principal, else the configured header, else the
 * client's address.
 */
class DefaultIdempotencyCallerResolverTests {

	private final DefaultIdempotencyCallerResolver resolver = new DefaultIdempotencyCallerResolver("Authorization");

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders");

	@AfterEach
	void clearSecurityContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anAuthenticatedPrincipalWinsOverTheHeader() {
		this.request.addHeader("Authorization", "Bearer sk_live");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("acct_1", null, List.of()));
		assertThat(this.resolver.resolve(this.request)).isEqualTo("principal:acct_1");
	}

	@Test
	void anAnonymousOrUnauthenticatedPrincipalIsNoCaller() {
		this.request.addHeader("Authorization", "Bearer sk_live");
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		assertThat(this.resolver.resolve(this.request)).isEqualTo("header:Bearer sk_live");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.unauthenticated("acct_1", "secret"));
		assertThat(this.resolver.resolve(this.request)).isEqualTo("header:Bearer sk_live");
	}

	@Test
	void withoutPrincipalOrHeaderTheClientAddressIsTheCaller() {
		this.request.setRemoteAddr("203.0.113.7");
		assertThat(this.resolver.resolve(this.request)).isEqualTo("address:203.0.113.7");
		this.request.addHeader("Authorization", "Bearer sk_live");
		assertThat(new DefaultIdempotencyCallerResolver("").resolve(this.request)).isEqualTo("address:203.0.113.7");
	}

}
