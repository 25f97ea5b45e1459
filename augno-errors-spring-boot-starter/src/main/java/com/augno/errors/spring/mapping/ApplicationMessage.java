package com.augno.errors.spring.mapping;

import org.jspecify.annotations.Nullable;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A message the application gives as message codes, as Spring resolves it: a
 * {@code ResponseStatusException}'s or {@code @ResponseStatus}'s reason, which may be a
 * key of the application's {@code MessageSource}, and an {@code ErrorResponse}'s detail
 * message code ({@code problemDetail.<exception class>}). Unlike the starter's own
 * messages, whose English text it holds, it is looked up in every language, English
 * included; its text (the reason, the problem detail), else the code's message, is the
 * answer when no code is found.
 *
 * @since 0.1.0
 */
public final class ApplicationMessage extends DefaultMessageSourceResolvable {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a message.
	 * @param codes the message codes, tried in order
	 * @param arguments their arguments, or {@code null}
	 * @param text the text when no code is found, or {@code null} for the code's message
	 */
	public ApplicationMessage(String[] codes, Object @Nullable [] arguments, @Nullable String text) {
		super(codes, arguments, text);
	}

}
