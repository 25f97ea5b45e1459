package com.augno.errors.spring.security;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authz.UnauthenticatedException;
import org.apache.shiro.realm.SimpleAccountRealm;
import org.apache.shiro.web.filter.authc.FormAuthenticationFilter;
import org.apache.shiro.web.filter.mgt.DefaultFilterChainManager;
import org.apache.shiro.web.filter.mgt.PathMatchingFilterChainResolver;
import org.apache.shiro.web.mgt.DefaultWebSecurityManager;
import org.apache.shiro.web.servlet.AbstractShiroFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apache Shiro's permissive authenticating filters ({@code authcBasic[permissive]},
 * {@code authc[permissive]}) answer an anonymous caller of a handler that requires
 * authentication only when the handler's {@code UnauthenticatedException} propagates out
 * of Spring MVC to them: its HTTP Basic challenge, its redirect to the login page. The
 * starter leaves that exception to them instead of answering it with a 500.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate" })
class ShiroChallengeIntegrationTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void anApiClientGetsTheBasicChallenge(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.client.get("/api/me", "Accept", "application/json");
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("BASIC realm=\"application\"");
		assertThat(output).doesNotContain("500 internal_error", "UnauthenticatedException");
	}

	@Test
	void aBrowserGetsTheBareChallenge() throws Exception {
		HttpResponse<String> response = this.client.get("/api/me", "Accept", BROWSER);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("BASIC realm=\"application\"");
		assertThat(response.body()).isEmpty();
	}

	@Test
	void credentialsReachTheHandler() throws Exception {
		HttpResponse<String> response = this.client.get("/api/me", "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("alice");
	}

	@Test
	void aBrowserIsRedirectedToTheLoginPage() throws Exception {
		HttpResponse<String> response = this.client.get("/web/page", "Accept", BROWSER);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).contains("/login"));
	}

	@Test
	void anExceptionNoFilterClaimsIsAnsweredOnce(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.client.get("/open/me", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("\"code\":\"internal_error\"").doesNotContain("Subject");
		assertThat(output).containsOnlyOnce("500 internal_error for GET /open/me");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		FilterRegistrationBean<AbstractShiroFilter> shiroFilter() {
			SimpleAccountRealm realm = new SimpleAccountRealm();
			realm.addAccount("alice", "secret");
			DefaultFilterChainManager chains = new DefaultFilterChainManager();
			((FormAuthenticationFilter) chains.getFilter("authc")).setLoginUrl("/login");
			chains.createChain("/api/**", "authcBasic[permissive]");
			chains.createChain("/web/**", "authc[permissive]");
			chains.createChain("/open/**", "anon");
			PathMatchingFilterChainResolver resolver = new PathMatchingFilterChainResolver();
			resolver.setFilterChainManager(chains);
			AbstractShiroFilter filter = new AbstractShiroFilter() {
			};
			filter.setSecurityManager(new DefaultWebSecurityManager(realm));
			filter.setFilterChainResolver(resolver);
			FilterRegistrationBean<AbstractShiroFilter> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(0);
			return registration;
		}

	}

	@RestController
	static class Controller {

		@GetMapping({ "/api/me", "/web/page", "/open/me" })
		String me() {
			if (!SecurityUtils.getSubject().isAuthenticated()) {
				throw new UnauthenticatedException("The current Subject is not authenticated.  Access denied.");
			}
			return String.valueOf(SecurityUtils.getSubject().getPrincipal());
		}

	}

}
