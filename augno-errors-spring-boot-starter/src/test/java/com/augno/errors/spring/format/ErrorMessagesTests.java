package com.augno.errors.spring.format;

import java.util.List;
import java.util.Locale;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorType;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.mapping.Violation;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages in the request's language: looked up by key for another language than English,
 * English as the default and the fallback, never a key.
 */
class ErrorMessagesTests {

	private static final Locale GERMAN = Locale.GERMAN;

	private final StaticMessageSource source = new StaticMessageSource();

	private final ErrorMessages messages;

	ErrorMessagesTests() {
		this.source.addMessage("augno.errors.resource_not_found.message", GERMAN,
				"Die Ressource wurde nicht gefunden.");
		this.source.addMessage("augno.errors.constraint.required", GERMAN, "{0} ist erforderlich.");
		this.source.addMessage("augno.errors.api_version_invalid.message.supported", GERMAN,
				"Ungültige API-Version ''{0}''. Unterstützte Versionen: {1}");
		this.source.addMessage("augno.errors.resource_not_found.title", GERMAN, "Nicht gefunden");
		// English text in a bundle is not consulted: the contract's text is English.
		this.source.addMessage("augno.errors.resource_not_found.message", Locale.ENGLISH, "Not here.");
		this.messages = new ErrorMessages(this.source, ErrorRegistry.standard());
	}

	@Test
	void codesDefaultMessageIsTranslated() {
		assertThat(this.messages.message(ErrorCodes.RESOURCE_NOT_FOUND, null, null, GERMAN))
			.isEqualTo("Die Ressource wurde nicht gefunden.");
	}

	@Test
	void englishIsTheContractsTextWithoutALookup() {
		assertThat(this.messages.message(ErrorCodes.RESOURCE_NOT_FOUND, null, null, Locale.ENGLISH))
			.isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND.message());
		assertThat(this.messages.message(ErrorCodes.RESOURCE_NOT_FOUND, null, null, Locale.US))
			.isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND.message());
	}

	@Test
	void aMissingTranslationFallsBackToEnglishNeverToTheKey() {
		assertThat(this.messages.message(ErrorCodes.RESOURCE_NOT_FOUND, null, null, Locale.FRENCH))
			.isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND.message());
		assertThat(this.messages.message(ErrorCodes.RESOURCE_GONE, null, null, GERMAN))
			.isEqualTo(ErrorCodes.RESOURCE_GONE.message());
	}

	@Test
	void aSourceThatAnswersWithTheKeyFallsBackToEnglish() {
		StaticMessageSource keys = new StaticMessageSource();
		keys.setUseCodeAsDefaultMessage(true);
		ErrorMessages messages = new ErrorMessages(keys, ErrorRegistry.standard());
		assertThat(messages.message(ErrorCodes.RESOURCE_GONE, null, null, GERMAN))
			.isEqualTo(ErrorCodes.RESOURCE_GONE.message());
	}

	@Test
	void aParameterisedMessageIsTranslatedWithItsArguments() {
		DefaultMessageSourceResolvable key = new DefaultMessageSourceResolvable(
				new String[] { "augno.errors.api_version_invalid.message.supported" },
				new Object[] { "1900-01-01", "[2025-01-01]" });
		String english = "Invalid API version '1900-01-01'. Supported versions: [2025-01-01]";
		assertThat(this.messages.message(ErrorCodes.API_VERSION_INVALID, english, key, GERMAN))
			.isEqualTo("Ungültige API-Version '1900-01-01'. Unterstützte Versionen: [2025-01-01]");
		assertThat(this.messages.message(ErrorCodes.API_VERSION_INVALID, english, key, Locale.ENGLISH))
			.isEqualTo(english);
		assertThat(this.messages.message(ErrorCodes.API_VERSION_INVALID, english, key, Locale.FRENCH))
			.isEqualTo(english);
	}

	@Test
	void aThrowersOwnMessageWithoutAKeyIsKept() {
		assertThat(this.messages.message(ErrorCodes.RESOURCE_NOT_FOUND, "Shipping term not found.", null, GERMAN))
			.isEqualTo("Shipping term not found.");
	}

	@Test
	void violationsAreTranslatedOneByOne() {
		Violation required = new Violation("name", Violation.Location.BODY, "NotNull", "Name is required.",
				ErrorCodes.MISSING_FIELD, new DefaultMessageSourceResolvable(
						new String[] { "augno.errors.constraint.required" }, new Object[] { "Name" }));
		Violation untranslated = new Violation("email", Violation.Location.BODY, "Email",
				"Email must be a valid email address.", ErrorCodes.INVALID_FORMAT, new DefaultMessageSourceResolvable(
						new String[] { "augno.errors.constraint.email" }, new Object[] { "Email" }));
		Violation authored = new Violation("nickname", Violation.Location.BODY, "Size", "Nicknames need two letters.",
				ErrorCodes.VALIDATION_FAILED);
		assertThat(this.messages.violations(List.of(required, untranslated, authored), GERMAN))
			.extracting(Violation::message)
			.containsExactly("Name ist erforderlich.", "Email must be a valid email address.",
					"Nicknames need two letters.");
		List<Violation> english = List.of(required);
		assertThat(this.messages.violations(english, Locale.ENGLISH)).isSameAs(english);
	}

	@Test
	void titleIsTheDocumentedTitleElseTheReasonPhrase() {
		assertThat(this.messages.title(ErrorCodes.RESOURCE_NOT_FOUND, 404, Locale.ENGLISH))
			.isEqualTo(ErrorRegistry.standard().documentation("resource_not_found").title())
			.isEqualTo("Resource not found");
		assertThat(this.messages.title(ErrorCodes.RESOURCE_NOT_FOUND, 404, GERMAN)).isEqualTo("Nicht gefunden");
		assertThat(this.messages.title(ErrorCodes.RESOURCE_GONE, 410, GERMAN)).as("no German title: the English one")
			.isEqualTo(ErrorRegistry.standard().documentation("resource_gone").title());
		ErrorCode undocumented = ErrorCode.of("ledger_locked", 423, ErrorType.INVALID_REQUEST_ERROR, false, "Locked.");
		ErrorRegistry registry = ErrorRegistry.builder().register(undocumented).build();
		assertThat(new ErrorMessages(null, registry).title(undocumented, 423, Locale.ENGLISH)).isEqualTo("Locked");
		assertThat(new ErrorMessages(null, registry).title(undocumented, 499, Locale.ENGLISH))
			.isEqualTo("Client Closed Request");
	}

}
