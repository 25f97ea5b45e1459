package com.augno.errors.spring.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SecurityContextErrorPageScope}: the context of the chain's repository is set for
 * the page only, with a request that knows its user; within the chain, without a context
 * or when the repository fails, the page is rendered as it is.
 */
class SecurityContextErrorPageScopeTests {

	private final RequestAttributeSecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/things/1");

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void rendersWithTheRepositorysUserAndClearsItAfterwards() {
		this.repository.saveContext(signedIn("alice"), this.request, null);
		List<String> seen = new ArrayList<>();
		boolean rendered = scope(this.repository).render(this.request, (scoped) -> {
			seen.add(SecurityContextHolder.getContext().getAuthentication().getName());
			seen.add(scoped.getRemoteUser());
			seen.add(String.valueOf(scoped.isUserInRole("USER")));
			return true;
		});
		assertThat(rendered).isTrue();
		assertThat(seen).containsExactly("alice", "alice", "true");
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}

	@Test
	void rendersAsItIsWithinTheChain() {
		this.repository.saveContext(signedIn("alice"), this.request, null);
		this.request.setAttribute(SecurityContextHolderFilter.class.getName() + ".APPLIED", Boolean.TRUE);
		assertRenderedAsItIs(scope(this.repository));
	}

	@Test
	void rendersAsItIsWithoutAUser() {
		assertRenderedAsItIs(scope(this.repository));
	}

	@Test
	void rendersAsItIsWhenTheRepositoryFails() {
		assertRenderedAsItIs(scope(new FailingRepository()));
	}

	@Test
	void rendersAsItIsWithoutSpringSecuritysChain() {
		this.repository.saveContext(signedIn("alice"), this.request, null);
		assertRenderedAsItIs(new SecurityContextErrorPageScope(
				new StaticListableBeanFactory().getBeanProvider(FilterChainProxy.class),
				SecurityContextHolder.getContextHolderStrategy(), "ROLE_"));
	}

	private void assertRenderedAsItIs(SecurityContextErrorPageScope scope) {
		List<HttpServletRequest> seen = new ArrayList<>();
		boolean rendered = scope.render(this.request, (scoped) -> {
			seen.add(scoped);
			return false;
		});
		assertThat(rendered).isFalse();
		assertThat(seen).containsExactly(this.request);
		assertThat(SecurityContextHolder.getContextHolderStrategy().getDeferredContext().get().getAuthentication())
			.isNull();
	}

	private static SecurityContextErrorPageScope scope(SecurityContextRepository repository) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("springSecurityFilterChain",
				new FilterChainProxy(new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE,
						new SecurityContextHolderFilter(repository))));
		return new SecurityContextErrorPageScope(beans.getBeanProvider(FilterChainProxy.class),
				SecurityContextHolder.getContextHolderStrategy(), "ROLE_");
	}

	private static SecurityContext signedIn(String name) {
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(name, "secret",
				AuthorityUtils.createAuthorityList("ROLE_USER")));
	}

	/**
	 * A repository whose session cannot be read back.
	 */
	static final class FailingRepository implements SecurityContextRepository {

		@Override
		@SuppressWarnings("deprecation")
		public SecurityContext loadContext(HttpRequestResponseHolder holder) {
			throw new IllegalStateException("Cannot deserialize the session");
		}

		@Override
		public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
			throw new IllegalStateException("Cannot deserialize the session");
		}

		@Override
		public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public boolean containsContext(HttpServletRequest request) {
			return false;
		}

	}

}
