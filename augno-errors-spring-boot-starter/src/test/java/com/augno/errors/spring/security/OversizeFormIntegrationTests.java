package com.augno.errors.spring.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.spring.test.MultipartUploads;
import com.augno.errors.spring.test.OversizeUploadPages;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server-rendered application with form login, CSRF, its own Thymeleaf error pages and
 * upload limits, over a real Tomcat: a form larger than Tomcat accepts, with the CSRF
 * token as a form field, fails in Spring Security's {@code CsrfFilter} (Tomcat cannot
 * parse the parameters), and fails again on the error dispatch: in that filter for a file
 * over {@code max-file-size}, in the {@code DispatcherServlet} resolving the parts for a
 * request over {@code max-request-size}. A browser still gets the application's error
 * page with 413, never the envelope; an API client gets the envelope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.autoconfigure.exclude=",
				"spring.thymeleaf.prefix=classpath:/browser-app/templates/",
				"spring.messages.basename=browser-app/messages", "spring.messages.fallback-to-system-locale=false",
				"spring.servlet.multipart.max-file-size=1KB", "spring.servlet.multipart.max-request-size=4KB",
				"server.tomcat.max-http-form-post-size=1KB", "logging.level.com.augno.errors=debug" })
@ExtendWith(OutputCaptureExtension.class)
class OversizeFormIntegrationTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aBrowserUploadingTooLargeAFileWithTheTokenInTheFormGetsTheApplicationsPage(CapturedOutput output)
			throws Exception {
		Session session = signInPage();
		HttpResponse<String> response = this.http.send(upload(session, true).header("Accept", BROWSER));
		OversizeUploadPages.assertTheApplicationsPageLoggedOnce(response, output);
	}

	@Test
	void aBrowserUploadingAFileOverItsLimitInARequestWithinItsLimitGetsTheApplicationsPage() throws Exception {
		Session session = signInPage();
		HttpResponse<String> response = this.http.send(MultipartUploads.post(
				this.http.request("/upload").header("Accept", BROWSER).header("Cookie", session.cookie()),
				session.token(), 2 * 1024));
		assertTheApplicationsPage(response);
	}

	@Test
	void aBrowserPostingTooLargeAFormWithTheTokenInTheFormGetsTheApplicationsPage() throws Exception {
		Session session = signInPage();
		HttpResponse<String> response = this.http.send(this.http.request("/signup")
			.header("Accept", BROWSER)
			.header("Cookie", session.cookie())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("_csrf=" + session.token() + "&name=Rex&about=" + "x".repeat(4 * 1024))));
		assertTheApplicationsPage(response);
	}

	@Test
	void aBrowserUploadingTooLargeAFileWithTheTokenInAHeaderGetsTheApplicationsPage() throws Exception {
		Session session = signInPage();
		HttpResponse<String> response = this.http
			.send(upload(session, false).header("Accept", BROWSER).header("X-CSRF-TOKEN", session.token()));
		assertTheApplicationsPage(response);
	}

	@Test
	void anApiClientUploadingTooLargeAFileGetsTheEnvelope() throws Exception {
		Session session = signInPage();
		HttpResponse<String> response = this.http.send(upload(session, true).header("Accept", "application/json"));
		assertThat(response.statusCode()).isEqualTo(413);
		AugnoErrors.assertThat(response).isAugnoError("request_too_large");
	}

	@Test
	void aBrowserUploadingAFileWithinTheLimitReachesTheApplication() throws Exception {
		Session session = signInPage();
		HttpResponse<String> response = this.http.send(MultipartUploads.post(
				this.http.request("/upload").header("Accept", BROWSER).header("Cookie", session.cookie()),
				session.token(), 512));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("stored 512 bytes");
	}

	private static void assertTheApplicationsPage(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(response.body()).contains("<p id=\"page\">error</p>", "<p id=\"code\">request_too_large</p>");
	}

	private HttpRequest.Builder upload(Session session, boolean tokenInForm) {
		return MultipartUploads.post(this.http.request("/upload").header("Cookie", session.cookie()),
				tokenInForm ? session.token() : null, 8 * 1024);
	}

	/**
	 * The session and the CSRF token of the login page, as a browser has them before it
	 * posts a form.
	 */
	private Session signInPage() throws Exception {
		HttpResponse<String> page = this.http.send(this.http.request("/login").header("Accept", BROWSER));
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher token = CSRF_FIELD.matcher(page.body());
		assertThat(token.find()).isTrue();
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
		return new Session(cookie, token.group(1));
	}

	private record Session(String cookie, String token) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		SecurityFilterChain chain(HttpSecurity http) {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/upload", "/signup", "/error")
					.permitAll()
					.anyRequest()
					.authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("alice").password("{noop}secret").roles("USER").build());
		}

		@Bean
		FormController formController() {
			return new FormController();
		}

	}

	@Controller
	static class FormController {

		@PostMapping("/upload")
		@ResponseBody
		String upload(@RequestParam MultipartFile file) {
			return "stored " + file.getSize() + " bytes";
		}

		@PostMapping("/signup")
		@ResponseBody
		String signup(@RequestParam String name) {
			return "signed up " + name;
		}

	}

}
