package com.augno.errors.spring.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/**
 * The formats a service answers with, by name, and the choice of one per request: the
 * default format, or, when negotiation is on, the format whose media type the request's
 * {@code Accept} header prefers. Everything is resolved when it is created, so choosing
 * costs a field read, or, with negotiation on and a header naming another format's media
 * type, parsing that header.
 * <p>
 * Negotiation is HTTP's, as Spring MVC orders media types: of the media types the client
 * accepts, the one with the highest quality wins, then the more specific one (a named
 * type before {@code application/*} before {@code *}{@code /*}), then the one listed
 * first. A wildcard, and {@code application/json} unless another format produces it,
 * match the default format; a header naming nothing any format produces gets the default.
 * Of several formats with one media type, only the first takes part (the default for its
 * own).
 *
 * @since 0.1.0
 */
public final class ErrorFormats {

	private final Map<String, ErrorFormat> byName;

	private final ErrorFormat defaultFormat;

	private final List<Candidate> negotiable;

	private ErrorFormats(Map<String, ErrorFormat> byName, ErrorFormat defaultFormat, boolean negotiation) {
		this.byName = byName;
		this.defaultFormat = defaultFormat;
		List<Candidate> candidates = new ArrayList<>();
		if (negotiation) {
			List<MediaType> seen = new ArrayList<>(List.of(defaultFormat.mediaType()));
			for (ErrorFormat format : byName.values()) {
				MediaType type = format.mediaType();
				if (!type.isWildcardType() && !type.isWildcardSubtype()
						&& seen.stream().noneMatch((other) -> other.equalsTypeAndSubtype(type))) {
					seen.add(type);
					candidates.add(new Candidate(type, format,
							(type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT)));
				}
			}
		}
		this.negotiable = List.copyOf(candidates);
	}

	/**
	 * Create the formats.
	 * @param formats every format, the built-in ones first; a later format with the name
	 * of an earlier one replaces it
	 * @param defaultName the name of the default format
	 * @param negotiation whether a request's {@code Accept} header may choose another
	 * format
	 * @return the formats
	 * @throws IllegalArgumentException if no format has the default name
	 */
	public static ErrorFormats of(List<? extends ErrorFormat> formats, String defaultName, boolean negotiation) {
		Map<String, ErrorFormat> byName = new LinkedHashMap<>();
		for (ErrorFormat format : formats) {
			byName.put(format.name(), format);
		}
		ErrorFormat defaultFormat = byName.get(defaultName);
		if (defaultFormat == null) {
			throw new IllegalArgumentException(
					"no error format named '" + defaultName + "'; the formats are " + byName.keySet());
		}
		return new ErrorFormats(byName, defaultFormat, negotiation);
	}

	/**
	 * Create the Augno envelope alone, as before formats existed.
	 * @return the formats
	 */
	public static ErrorFormats augno() {
		return of(List.of(new AugnoErrorFormat()), ErrorFormat.AUGNO, false);
	}

	/**
	 * Return the default format.
	 * @return the format
	 */
	public ErrorFormat defaultFormat() {
		return this.defaultFormat;
	}

	/**
	 * Return a format by name.
	 * @param name the name
	 * @return the format, or {@code null}
	 */
	public @Nullable ErrorFormat find(String name) {
		return this.byName.get(name);
	}

	/**
	 * Return the names of the formats.
	 * @return the names, in registration order
	 */
	public List<String> names() {
		return List.copyOf(this.byName.keySet());
	}

	/**
	 * Choose the format for a request.
	 * @param accept the request's {@code Accept} header, or {@code null}
	 * @return the format
	 */
	public ErrorFormat select(@Nullable String accept) {
		if (this.negotiable.isEmpty() || accept == null || !namesCandidate(accept)) {
			return this.defaultFormat;
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(accept);
		}
		catch (IllegalArgumentException ex) {
			return this.defaultFormat;
		}
		ErrorFormat chosen = this.defaultFormat;
		double bestQuality = 0;
		int bestSpecificity = -1;
		for (MediaType type : accepted) {
			double quality = type.getQualityValue();
			int specificity = type.isWildcardType() ? 0 : (type.isWildcardSubtype() ? 1 : 2);
			if (quality <= 0 || quality < bestQuality || (quality == bestQuality && specificity <= bestSpecificity)) {
				continue;
			}
			ErrorFormat format = match(type);
			if (format != null) {
				chosen = format;
				bestQuality = quality;
				bestSpecificity = specificity;
			}
		}
		return chosen;
	}

	private boolean namesCandidate(String accept) {
		String lower = accept.toLowerCase(Locale.ROOT);
		for (Candidate candidate : this.negotiable) {
			if (lower.contains(candidate.text())) {
				return true;
			}
		}
		return false;
	}

	private @Nullable ErrorFormat match(MediaType accepted) {
		for (Candidate candidate : this.negotiable) {
			if (accepted.equalsTypeAndSubtype(candidate.type())) {
				return candidate.format();
			}
		}
		MediaType own = this.defaultFormat.mediaType();
		boolean json = MediaType.APPLICATION_JSON.equalsTypeAndSubtype(accepted);
		return (accepted.includes(own) || json) ? this.defaultFormat : null;
	}

	private record Candidate(MediaType type, ErrorFormat format, String text) {

	}

}
