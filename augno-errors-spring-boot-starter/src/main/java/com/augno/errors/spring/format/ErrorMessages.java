package com.augno.errors.spring.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.mapping.ApplicationMessage;
import com.augno.errors.spring.mapping.Violation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * Puts an error's messages into the request's language through Spring's
 * {@link MessageSource}. English is the contract's text, which the registry and the
 * mappers already hold, so an English request costs no lookup; for another language each
 * message is looked up by its key, and a key missing for that language (or a message
 * source answering with the key itself) falls back to the English text, never to the key.
 * Codes, types and params are never translated.
 * <p>
 * The keys: {@code augno.errors.<code>.message} for a code's default message,
 * {@code augno.errors.<code>.title} for its title, {@code augno.errors.constraint.<name>}
 * for the message of a failed constraint ({@code {0}} the field's label), and the keys
 * the mappers give their parameterised messages, such as
 * {@code augno.errors.api_version_invalid.message.supported}. The application's own
 * message codes ({@link ApplicationMessage}) are looked up in English too.
 *
 * @since 0.1.0
 */
public final class ErrorMessages {

	/**
	 * The prefix of every key.
	 */
	public static final String PREFIX = "augno.errors.";

	/**
	 * The reason phrase of each error status, by status, looked up once.
	 */
	private static final String[] REASON_PHRASES = reasonPhrases();

	private final @Nullable MessageSource source;

	private final ErrorRegistry registry;

	/**
	 * Create the messages.
	 * @param source the application's message source, or {@code null} for English only
	 * @param registry the registry, for the codes' documented titles
	 */
	public ErrorMessages(@Nullable MessageSource source, ErrorRegistry registry) {
		this.source = source;
		this.registry = registry;
	}

	/**
	 * Return whether a locale gets the English text without a lookup.
	 * @param locale the locale
	 * @return whether it is English
	 */
	public boolean isEnglish(Locale locale) {
		return this.source == null || "en".equals(locale.getLanguage()) || locale.getLanguage().isEmpty();
	}

	/**
	 * Return the message of an error.
	 * @param code the registry entry
	 * @param message the mapper's or thrower's message, or {@code null} for the code's
	 * default
	 * @param translation the key and arguments of the message, or {@code null}
	 * @param locale the request's language
	 * @return the message
	 */
	public String message(ErrorCode code, @Nullable String message, @Nullable MessageSourceResolvable translation,
			Locale locale) {
		if (translation instanceof ApplicationMessage application) {
			// The application's own codes, which hold no English text: looked up in
			// every language, as Spring does.
			return lookup(application, (message != null) ? message : message(code, null, null, locale), locale);
		}
		if (message == null) {
			return isEnglish(locale) ? code.message()
					: lookup(PREFIX + code.code() + ".message", null, code.message(), locale);
		}
		if (translation == null || isEnglish(locale)) {
			return message;
		}
		return lookup(translation, message, locale);
	}

	/**
	 * Return the title of a code: its documented title, else the reason phrase of the
	 * status.
	 * @param code the registry entry
	 * @param status the response's status
	 * @param locale the request's language
	 * @return the title
	 */
	public String title(ErrorCode code, int status, Locale locale) {
		String title = this.registry.documentation(code.code()).title();
		if (title == null) {
			title = (status >= 400 && status < REASON_PHRASES.length) ? REASON_PHRASES[status] : "Error " + status;
		}
		return isEnglish(locale) ? title : lookup(PREFIX + code.code() + ".title", null, title, locale);
	}

	/**
	 * Return violations with their messages in the request's language.
	 * @param violations the violations
	 * @param locale the request's language
	 * @return the violations, the same list for English
	 */
	public List<Violation> violations(List<Violation> violations, Locale locale) {
		if (violations.isEmpty() || isEnglish(locale)) {
			return violations;
		}
		List<Violation> translated = new ArrayList<>(violations.size());
		for (Violation violation : violations) {
			MessageSourceResolvable translation = violation.translation();
			translated.add((translation != null)
					? violation.withMessage(lookup(translation, violation.message(), locale)) : violation);
		}
		return translated;
	}

	private static String[] reasonPhrases() {
		String[] phrases = new String[600];
		for (int status = 400; status < phrases.length; status++) {
			HttpStatus known = HttpStatus.resolve(status);
			phrases[status] = (known != null) ? known.getReasonPhrase()
					: (status == 499) ? "Client Closed Request" : "Error " + status;
		}
		return phrases;
	}

	private String lookup(MessageSourceResolvable translation, String english, Locale locale) {
		String[] codes = translation.getCodes();
		if (codes == null) {
			return english;
		}
		for (String key : codes) {
			String found = find(key, translation.getArguments(), locale);
			if (found != null) {
				return found;
			}
		}
		return english;
	}

	private String lookup(String key, Object @Nullable [] arguments, String english, Locale locale) {
		String found = find(key, arguments, locale);
		return (found != null) ? found : english;
	}

	private @Nullable String find(String key, Object @Nullable [] arguments, Locale locale) {
		if (this.source == null) {
			return null;
		}
		try {
			String found = this.source.getMessage(key, arguments, null, locale);
			return (found == null || found.isBlank() || found.equals(key)) ? null : found;
		}
		catch (RuntimeException ex) {
			// A broken pattern in a bundle must not cost the client its answer.
			return null;
		}
	}

}
