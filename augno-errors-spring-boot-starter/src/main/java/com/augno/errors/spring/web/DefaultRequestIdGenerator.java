package com.augno.errors.spring.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Generates ids of the form the Augno dashboard uses, {@code rq_} followed by 20
 * lowercase letters and digits (103 bits), such as {@code rq_fbv1ygmybo3eauykr74}. They
 * identify, they do not authorize, so a fast non-cryptographic source is enough.
 * <p>
 * Each random {@code long} gives two 26-bit draws; a draw below 36<sup>5</sup> (nine in
 * ten) is five characters, a larger one is dropped, so every character stays uniform and
 * independent with about five random numbers per id instead of twenty.
 *
 * @since 0.1.0
 */
public final class DefaultRequestIdGenerator implements RequestIdGenerator {

	private static final byte[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.US_ASCII);

	private static final int LENGTH = 20;

	private static final int PREFIX = 3;

	private static final int DRAW_BITS = 26;

	private static final int DRAW_MASK = (1 << DRAW_BITS) - 1;

	private static final int CHARS_PER_DRAW = 5;

	/**
	 * 36<sup>5</sup>: the draws below it, five base-36 digits each, are uniform.
	 */
	private static final int DRAW_BOUND = 60_466_176;

	@Override
	public String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		byte[] id = new byte[PREFIX + LENGTH];
		id[0] = 'r';
		id[1] = 'q';
		id[2] = '_';
		int i = PREFIX;
		while (i < id.length) {
			long bits = random.nextLong();
			for (int draws = 0; draws < 2 && i < id.length; draws++, bits >>>= DRAW_BITS) {
				int draw = (int) (bits & DRAW_MASK);
				if (draw < DRAW_BOUND) {
					for (int k = 0; k < CHARS_PER_DRAW; k++) {
						id[i++] = ALPHABET[draw % ALPHABET.length];
						draw /= ALPHABET.length;
					}
				}
			}
		}
		return new String(id, StandardCharsets.ISO_8859_1);
	}

}
