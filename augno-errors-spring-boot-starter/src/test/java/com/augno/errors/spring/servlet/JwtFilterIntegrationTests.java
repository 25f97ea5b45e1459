package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;

import com.auth0.jwt.exceptions.JWTDecodeException;
import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.security.SignatureException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JWT filter of the application's own, as tutorials write it, over a real Tomcat: a
 * token its library refused is a 401 ({@code expired_token} when it expired), whether the
 * filter hands the exception to Spring MVC's {@code HandlerExceptionResolver} with no
 * handler or lets it propagate; it is not a 500 logged with its stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
class JwtFilterIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void anExpiredTokenHandedToTheResolverIsExpiredToken(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.get("/api/me", "Authorization", "Bearer expired");
		AugnoErrors.assertThat(response).isAugnoError("expired_token").hasStatus(401).hasNoParam().hasContentLength();
		assertThat(output).doesNotContain("ERROR", "ExpiredJwtException");
	}

	@Test
	void aForgedTokenHandedToTheResolverIsInvalidCredentials(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.get("/api/me", "Authorization", "Bearer forged");
		AugnoErrors.assertThat(response).isAugnoError("invalid_credentials").hasStatus(401).hasContentLength();
		assertThat(response.body()).doesNotContain("signature");
		assertThat(output).doesNotContain("ERROR", "SignatureException");
	}

	@Test
	void aMalformedTokenThatPropagatesIsInvalidCredentials(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.get("/api/me", "Authorization", "Bearer malformed");
		AugnoErrors.assertThat(response).isAugnoError("invalid_credentials").hasStatus(401).hasContentLength();
		assertThat(output).doesNotContain("ERROR", "JWTDecodeException");
	}

	@Test
	void aValidTokenReachesTheHandler() throws Exception {
		HttpResponse<String> response = this.http.get("/api/me", "Authorization", "Bearer alice");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("alice");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		FilterRegistrationBean<JwtFilter> jwtFilter(
				@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
			return new FilterRegistrationBean<>(new JwtFilter(resolver));
		}

	}

	/**
	 * Reads the bearer token; "expired" and "forged" are refused by jjwt and handed to
	 * the resolver, "malformed" is refused by Auth0's java-jwt and propagates.
	 */
	static class JwtFilter extends OncePerRequestFilter {

		private final HandlerExceptionResolver resolver;

		JwtFilter(HandlerExceptionResolver resolver) {
			this.resolver = resolver;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String token = request.getHeader("Authorization").substring("Bearer ".length());
			if (token.equals("malformed")) {
				throw new JWTDecodeException("The token was expected to have 3 parts, but got 1.");
			}
			try {
				if (token.equals("expired")) {
					throw new ExpiredJwtException(null, null,
							"JWT expired at " + Instant.EPOCH + ". Current time: " + Instant.now());
				}
				if (token.equals("forged")) {
					throw new SignatureException("JWT signature does not match locally computed signature.");
				}
			}
			catch (RuntimeException ex) {
				this.resolver.resolveException(request, response, null, ex);
				return;
			}
			request.setAttribute("user", token);
			chain.doFilter(request, response);
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/api/me")
		String me(HttpServletRequest request) {
			return (String) request.getAttribute("user");
		}

	}

}
