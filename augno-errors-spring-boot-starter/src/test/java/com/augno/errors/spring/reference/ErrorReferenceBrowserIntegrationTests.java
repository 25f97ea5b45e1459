package com.augno.errors.spring.reference;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served reference page driven in a real headless Chromium (Debian's {@code chromium}
 * and {@code chromium-driver}, which {@code .ci/run} installs): every code has its
 * anchor, the {@code doc_url} of a real error lands on its card, and the search filters
 * the cards and says when nothing matches. Screenshots are kept in
 * {@code target/error-reference/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "augno.errors.reference.enabled=true",
				"augno.errors.doc-base-url=/errors", "augno.errors.codes.ledger_locked.status=423",
				"augno.errors.codes.ledger_locked.message=The ledger is locked for the month-end close." })
class ErrorReferenceBrowserIntegrationTests {

	private static final Path SCREENSHOTS = Path.of("target", "error-reference");

	private static ChromeDriver browser;

	@LocalServerPort
	private int port;

	@Autowired
	private ErrorRegistry registry;

	@BeforeAll
	static void startBrowser(@TempDir Path profile) {
		File chromium = executable("CHROMIUM_BIN", "/usr/bin/chromium");
		File driver = executable("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver)
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	private static File executable(String variable, String fallback) {
		String configured = System.getenv(variable);
		File file = new File((configured != null) ? configured : fallback);
		assertThat(file)
			.as("%s: install Debian's chromium and chromium-driver (.ci/run does), or set %s", file, variable)
			.canRead();
		return file;
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private Object script(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

	@Test
	void everyRegisteredCodeHasItsAnchorAndEveryCardIsShown() throws IOException {
		browser.get(url("/errors"));
		List<String> codes = this.registry.codes().stream().map(ErrorCode::code).toList();
		List<WebElement> cards = browser.findElements(By.cssSelector("article.card"));
		assertThat(cards).extracting((card) -> card.getAttribute("id")).containsExactlyInAnyOrderElementsOf(codes);
		assertThat(cards).allSatisfy((card) -> assertThat(card.isDisplayed()).isTrue());
		for (String code : codes) {
			assertThat(browser.findElements(By.id(code))).as(code).hasSize(1);
			assertThat(browser.findElements(By.cssSelector("nav.toc a[href='#" + code + "']"))).as(code).hasSize(1);
		}
		assertThat(browser.findElement(By.id("search")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("count")).getText()).isEqualTo(codes.size() + " errors");
		screenshot("page.png");
	}

	@Test
	void followingTheDocUrlOfARealErrorLandsOnItsCard() throws Exception {
		HttpResponse<String> error = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/ledger"))).header("Accept", "application/json").build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(error.statusCode()).isEqualTo(423);
		String docUrl = JsonMapper.builder().build().readTree(error.body()).at("/error/doc_url").asString();
		browser.get(URI.create(url("/")).resolve(docUrl).toString());
		assertThat(script("return document.querySelector(':target').id")).isEqualTo("ledger_locked");
		WebElement card = browser.findElement(By.id("ledger_locked"));
		assertThat(card.isDisplayed()).isTrue();
		double top = ((Number) script("return arguments[0].getBoundingClientRect().top", card)).doubleValue();
		double viewport = ((Number) script("return window.innerHeight")).doubleValue();
		assertThat(top).as("top of the card in a viewport of %s", viewport).isBetween(0.0, viewport - 1);
		assertThat(card.findElement(By.cssSelector(".facts .status")).getText()).isEqualTo("423 Locked");
		screenshot("doc-url-target.png");
	}

	@Test
	void theSearchFiltersTheCardsAndSaysWhenNothingMatches() throws IOException {
		browser.get(url("/errors"));
		WebElement search = browser.findElement(By.id("search"));
		WebElement empty = browser.findElement(By.id("no-results"));
		assertThat(empty.isDisplayed()).isFalse();

		search.sendKeys("expired");
		assertThat(visibleCards()).containsExactly("expired_token", "api_key_expired");
		screenshot("search.png");

		search.clear();
		search.sendKeys("rate limit");
		assertThat(visibleCards()).contains("rate_limit_exceeded").doesNotContain("expired_token", "internal_error");
		assertThat(browser.findElement(By.id("section-authentication")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.cssSelector("nav.toc")).isDisplayed()).isFalse();
		assertThat(empty.isDisplayed()).isFalse();

		search.clear();
		search.sendKeys("429");
		assertThat(visibleCards()).containsExactly("rate_limit_exceeded");
		assertThat(browser.findElement(By.id("count")).getText())
			.isEqualTo("1 of " + this.registry.codes().size() + " errors");

		search.sendKeys(Keys.chord(Keys.CONTROL, "a"), "no such error anywhere");
		new WebDriverWait(browser, Duration.ofSeconds(5)).until((driver) -> empty.isDisplayed());
		assertThat(visibleCards()).isEmpty();
		assertThat(empty.getText()).isEqualTo("No errors found matching your search.");
		screenshot("no-results.png");

		search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		assertThat(visibleCards()).hasSize(this.registry.codes().size());
		assertThat(empty.isDisplayed()).isFalse();
	}

	private List<String> visibleCards() {
		return browser.findElements(By.cssSelector("article.card"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map((card) -> card.getAttribute("id"))
			.toList();
	}

	private static void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
				StandardCopyOption.REPLACE_EXISTING);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(LedgerController.class)
	static class TestApplication {

	}

	@RestController
	static class LedgerController {

		@GetMapping("/ledger")
		String ledger() {
			throw AugnoException.of("ledger_locked");
		}

	}

}
