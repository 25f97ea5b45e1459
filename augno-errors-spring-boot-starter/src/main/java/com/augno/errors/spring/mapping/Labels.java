package com.augno.errors.spring.mapping;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a field or parameter name into the words a message starts with, as the contract's
 * messages do: {@code postal_code} reads "Postal code", {@code items[0].sku} reads "SKU".
 *
 * @since 0.1.0
 */
public final class Labels {

	private static final Set<String> ACRONYMS = Set.of("id", "url", "uri", "api", "sku", "uuid", "ip", "json", "http",
			"https", "iso", "utc", "vat", "iban", "otp");

	/**
	 * How each acronym is written, its plural included: "IDs", not "IDS".
	 */
	private static final Map<String, String> SPELLINGS = spellings();

	private static final Pattern TRAILING_INDEX = Pattern.compile("\\[[^\\]]*\\]$");

	private static final Pattern INDEX = Pattern.compile("\\[[^\\]]*\\]");

	private Labels() {
	}

	/**
	 * Return the label of a name, capitalized for the start of a sentence.
	 * @param name a field, path or parameter name
	 * @return the label, or "Value" for an empty name
	 */
	public static String of(String name) {
		String leaf = leaf(name);
		StringBuilder label = new StringBuilder(leaf.length() + 4);
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < leaf.length(); i++) {
			char c = leaf.charAt(i);
			boolean separator = c == '_' || c == '-' || c == ' ';
			boolean camelBoundary = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(leaf.charAt(i - 1));
			if (separator || camelBoundary) {
				appendWord(label, word);
				if (separator) {
					continue;
				}
			}
			word.append(c);
		}
		appendWord(label, word);
		if (label.isEmpty()) {
			return "Value";
		}
		label.setCharAt(0, Character.toUpperCase(label.charAt(0)));
		return label.toString();
	}

	private static void appendWord(StringBuilder label, StringBuilder word) {
		if (word.isEmpty()) {
			return;
		}
		String lower = word.toString().toLowerCase(Locale.ROOT);
		if (!label.isEmpty()) {
			label.append(' ');
		}
		label.append(SPELLINGS.getOrDefault(lower, lower));
		word.setLength(0);
	}

	private static Map<String, String> spellings() {
		Map<String, String> spellings = new HashMap<>();
		for (String acronym : ACRONYMS) {
			String upper = acronym.toUpperCase(Locale.ROOT);
			spellings.put(acronym, upper);
			spellings.put(acronym + "s", upper + "s");
		}
		return Map.copyOf(spellings);
	}

	private static String leaf(String name) {
		if (name.indexOf('[') < 0) {
			int dot = name.lastIndexOf('.');
			return (dot >= 0) ? name.substring(dot + 1) : name;
		}
		String withoutIndexes = TRAILING_INDEX.matcher(name).replaceAll("");
		int dot = withoutIndexes.lastIndexOf('.');
		String leaf = (dot >= 0) ? withoutIndexes.substring(dot + 1) : withoutIndexes;
		return INDEX.matcher(leaf).replaceAll("");
	}

}
