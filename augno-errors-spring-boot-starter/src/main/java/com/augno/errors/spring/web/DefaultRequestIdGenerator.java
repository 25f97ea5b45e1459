package com.augno.errors.spring.web;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Generates ids of the form the Augno dashboard uses, {@code rq_} followed by 20
 * lowercase letters and digits (103 bits), such as {@code rq_fbv1ygmybo3eauykr74}. They
 * identify, they do not authorize, so a fast non-cryptographic source is enough.
 *
 * @since 0.1.0
 */
public final class DefaultRequestIdGenerator implements RequestIdGenerator {

	private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	private static final int LENGTH = 20;

	@Override
	public String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] id = new char[3 + LENGTH];
		id[0] = 'r';
		id[1] = 'q';
		id[2] = '_';
		for (int i = 3; i < id.length; i++) {
			id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return new String(id);
	}

}
