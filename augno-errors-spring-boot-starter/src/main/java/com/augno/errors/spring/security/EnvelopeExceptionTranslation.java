package com.augno.errors.spring.security;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.function.Predicate;

import com.augno.errors.spring.mapping.Causes;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2ClientConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.Http403ForbiddenEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Puts the envelope around the entry point that Spring Security chose for a filter chain.
 * <p>
 * {@code ExceptionHandlingConfigurer} picks the entry point only when it builds the
 * {@link ExceptionTranslationFilter} (the application's own, or the ones that
 * {@code httpBasic()}, {@code formLogin()} and {@code oauth2ResourceServer()} register),
 * and the filter cannot be given another. So this post-processor builds the same filter
 * around a {@link MechanismEntryPoint}: with the request cache and security context
 * strategy the configurer uses, and with access denials passed to the original filter,
 * which holds the access denied handler in force. Without any mechanism (Spring
 * Security's fallback is a bare 403), the {@link AugnoAuthenticationEntryPoint} answers
 * alone; a 403 a mechanism (X.509) or the application chose is kept as any other. A
 * filter whose entry point already writes the envelope is left as it is, and so is the
 * one of an OAuth2 authorization server's own filter chain.
 *
 * @since 0.1.0
 */
final class EnvelopeExceptionTranslation implements ObjectPostProcessor<ExceptionTranslationFilter> {

	// The entry point the application gave exceptionHandling(), null when it gave none.
	private static final @Nullable Field EXPLICIT_ENTRY_POINT = ReflectionUtils
		.findField(ExceptionHandlingConfigurer.class, "authenticationEntryPoint");

	private final HttpSecurity http;

	private final AugnoAuthenticationEntryPoint envelope;

	EnvelopeExceptionTranslation(HttpSecurity http, AugnoAuthenticationEntryPoint envelope) {
		this.http = http;
		this.envelope = envelope;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <O extends org.springframework.security.web.access.ExceptionTranslationFilter> O postProcess(O filter) {
		AuthenticationEntryPoint chosen = filter.getAuthenticationEntryPoint();
		if (chosen instanceof AugnoAuthenticationEntryPoint || chosen instanceof MechanismEntryPoint) {
			return filter;
		}
		if (AuthorizationServerChain.is(this.http)) {
			// By the chain's requests rather than by a marker its exception translation
			// sets: its bearer token filter answers a bad token before that is reached.
			this.envelope.leaveOwnAnswers(AuthorizationServerChain.requests(this.http));
			return filter;
		}
		AuthenticationEntryPoint entryPoint = isSpringsFallback(chosen) ? this.envelope
				: new MechanismEntryPoint(chosen, this.envelope);
		Predicate<Throwable> translated = OAuth2ClientChain.is(this.http)
				? ExceptionTranslationFilter.TRANSLATED.or(OAuth2ClientChain::requiresAuthorization)
				: ExceptionTranslationFilter.TRANSLATED;
		ExceptionTranslationFilter translation = new ExceptionTranslationFilter(entryPoint, requestCache(), translated);
		translation.setSecurityContextHolderStrategy(securityContextHolderStrategy());
		translation.setAccessDeniedHandler(
				new OriginalAccessDeniedHandler(filter, BearerScopeChallenge.isResourceServerChain(this.http),
						BearerScopeChallenge.applicationHandler(this.http)));
		return (O) translation;
	}

	/**
	 * Return whether the chosen entry point is Spring Security's fallback for a chain
	 * without any authentication mechanism (a bare 403), which the envelope's 401 with
	 * its challenge replaces. A 403 chosen on purpose is kept: the one X.509 and Java EE
	 * pre-authentication register (their credential is the TLS handshake or the
	 * container's login, so no {@code Authorization} header can help), and the
	 * application's own
	 * ({@code exceptionHandling(e -> e.authenticationEntryPoint(...))}).
	 */
	@SuppressWarnings("unchecked") // The configurer's class is generic.
	private boolean isSpringsFallback(AuthenticationEntryPoint chosen) {
		if (!(chosen instanceof Http403ForbiddenEntryPoint)
				|| this.http.getSharedObject(AuthenticationEntryPoint.class) != null) {
			return false;
		}
		ExceptionHandlingConfigurer<HttpSecurity> configurer = this.http
			.getConfigurer(ExceptionHandlingConfigurer.class);
		return configurer == null || PrivateFields.read(EXPLICIT_ENTRY_POINT, configurer) == null;
	}

	private RequestCache requestCache() {
		RequestCache requestCache = this.http.getSharedObject(RequestCache.class);
		return (requestCache != null) ? requestCache : new HttpSessionRequestCache();
	}

	private SecurityContextHolderStrategy securityContextHolderStrategy() {
		ApplicationContext context = this.http.getSharedObject(ApplicationContext.class);
		return (context != null)
				? context.getBeanProvider(SecurityContextHolderStrategy.class)
					.getIfUnique(SecurityContextHolder::getContextHolderStrategy)
				: SecurityContextHolder.getContextHolderStrategy();
	}

	/**
	 * Tells an OAuth2 authorization server's own filter chain, whose endpoints answer in
	 * RFC 6749's format ({@code {"error": "invalid_client"}}, a bodiless 401 for a client
	 * that sent no credentials) that OAuth2 clients parse: its exception translation is
	 * left as the server built it.
	 */
	private static final class AuthorizationServerChain {

		private static final boolean PRESENT = ClassUtils.isPresent(
				"org.springframework.security.oauth2.server.authorization.OAuth2Authorization",
				AuthorizationServerChain.class.getClassLoader());

		static boolean is(HttpSecurity http) {
			return PRESENT && Configurer.isApplied(http);
		}

		/**
		 * The requests of the chain: its protocol endpoints, which the configurer has set
		 * up by the time the exception translation is built.
		 */
		static Predicate<HttpServletRequest> requests(HttpSecurity http) {
			return Configurer.endpoints(http)::matches;
		}

		private static final class Configurer {

			static boolean isApplied(HttpSecurity http) {
				return http.getConfigurer(OAuth2AuthorizationServerConfigurer.class) != null;
			}

			static RequestMatcher endpoints(HttpSecurity http) {
				return http.getConfigurer(OAuth2AuthorizationServerConfigurer.class).getEndpointsMatcher();
			}

		}

	}

	/**
	 * Tells a filter chain with an OAuth2 client ({@code oauth2Login()} or
	 * {@code oauth2Client()}), whose {@code OAuth2AuthorizationRequestRedirectFilter}
	 * sends the user to the authorization server when a handler needs an authorized
	 * client it does not have yet ({@link ClientAuthorizationRequiredException}, thrown
	 * by {@code @RegisteredOAuth2AuthorizedClient}, the {@code RestClient} interceptor or
	 * the handler itself): Spring MVC leaves that exception to the filter, as without the
	 * starter, rather than answering {@code internal_error}.
	 */
	private static final class OAuth2ClientChain {

		private static final int MAX_CAUSE_DEPTH = 64;

		private static final boolean PRESENT = ClassUtils.isPresent(
				"org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter",
				OAuth2ClientChain.class.getClassLoader());

		static boolean is(HttpSecurity http) {
			return PRESENT && Classes.isApplied(http);
		}

		static boolean requiresAuthorization(Throwable ex) {
			return Classes.requiresAuthorization(ex);
		}

		/**
		 * What needs Spring Security's OAuth2 client on the class path, loaded only when
		 * it is there.
		 */
		private static final class Classes {

			@SuppressWarnings("unchecked") // The configurers' classes are generic.
			static boolean isApplied(HttpSecurity http) {
				return http.getConfigurer(OAuth2LoginConfigurer.class) != null
						|| http.getConfigurer(OAuth2ClientConfigurer.class) != null;
			}

			/**
			 * Whether the exception or a cause is one the redirect filter answers, in a
			 * chain that ends: the filter's own walk of the chain never would.
			 */
			static boolean requiresAuthorization(Throwable ex) {
				return Causes.ends(ex, MAX_CAUSE_DEPTH) && Causes.first(ex, MAX_CAUSE_DEPTH,
						(cause) -> (cause instanceof ClientAuthorizationRequiredException) ? Boolean.TRUE
								: null) != null;
			}

		}

	}

	/**
	 * The exception translation filter, telling Spring MVC below it that it translates
	 * Spring Security's exceptions: a {@code @PreAuthorize} denial thrown by a handler
	 * reaches it, as without the starter, so that a caller not signed in gets the
	 * mechanism's challenge and an authenticated one the access denied handler in force.
	 * It has Spring Security's simple name, by which Spring Security names the filter's
	 * observations ({@code spring.security.filterchains.access.exceptions.*}).
	 */
	private static final class ExceptionTranslationFilter
			extends org.springframework.security.web.access.ExceptionTranslationFilter {

		static final Predicate<Throwable> TRANSLATED = (ex) -> ex instanceof AccessDeniedException
				|| ex instanceof AuthenticationException;

		private final Predicate<Throwable> translated;

		ExceptionTranslationFilter(AuthenticationEntryPoint entryPoint, RequestCache requestCache,
				Predicate<Throwable> translated) {
			super(entryPoint, requestCache);
			this.translated = translated;
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			Object previous = request.getAttribute(ErrorResponseHandler.UPSTREAM_TRANSLATION_ATTRIBUTE);
			request.setAttribute(ErrorResponseHandler.UPSTREAM_TRANSLATION_ATTRIBUTE, this.translated);
			try {
				super.doFilter(request, response, chain);
			}
			finally {
				if (previous != null) {
					request.setAttribute(ErrorResponseHandler.UPSTREAM_TRANSLATION_ATTRIBUTE, previous);
				}
				else {
					request.removeAttribute(ErrorResponseHandler.UPSTREAM_TRANSLATION_ATTRIBUTE);
				}
			}
		}

	}

	/**
	 * Hands an access denial of an authenticated request to the filter the configurer
	 * built, whose access denied handler (the application's, or the starter's) is not
	 * otherwise reachable; in a chain with a resource server, whose handler would answer
	 * the denial without the starter, the request is marked so that the starter's keeps
	 * its challenge ({@link BearerScopeChallenge}), or, when the application gave the
	 * resource server a handler of its own, answers with that handler.
	 */
	private static final class OriginalAccessDeniedHandler implements AccessDeniedHandler {

		private final org.springframework.security.web.access.ExceptionTranslationFilter original;

		private final boolean resourceServer;

		private final @Nullable AccessDeniedHandler resourceServerHandler;

		OriginalAccessDeniedHandler(org.springframework.security.web.access.ExceptionTranslationFilter original,
				boolean resourceServer, @Nullable AccessDeniedHandler resourceServerHandler) {
			this.original = original;
			this.resourceServer = resourceServer;
			this.resourceServerHandler = resourceServerHandler;
		}

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response,
				AccessDeniedException accessDeniedException) throws IOException, ServletException {
			if (this.resourceServer) {
				request.setAttribute(BearerScopeChallenge.RESOURCE_SERVER_CHAIN_ATTRIBUTE, Boolean.TRUE);
			}
			if (this.resourceServerHandler != null) {
				request.setAttribute(BearerScopeChallenge.RESOURCE_SERVER_HANDLER_ATTRIBUTE,
						this.resourceServerHandler);
			}
			try {
				this.original.doFilter(request, response, (req, res) -> {
					throw accessDeniedException;
				});
			}
			finally {
				if (this.resourceServer) {
					request.removeAttribute(BearerScopeChallenge.RESOURCE_SERVER_CHAIN_ATTRIBUTE);
				}
				if (this.resourceServerHandler != null) {
					request.removeAttribute(BearerScopeChallenge.RESOURCE_SERVER_HANDLER_ATTRIBUTE);
				}
			}
		}

	}

}
