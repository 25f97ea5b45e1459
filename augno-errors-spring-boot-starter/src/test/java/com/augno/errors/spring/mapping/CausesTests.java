package com.augno.errors.spring.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CausesTests {

	@Test
	void answersWithTheFirstLinkThatMatchesStartingWithTheThrowableItself() {
		IOException io = new IOException("first");
		RuntimeException outer = new IllegalStateException("outer", new UncheckedIOException(io));
		assertThat(firstIoException(outer, 8)).isSameAs(io);
		RuntimeException runtime = Causes.first(outer, 8,
				(cause) -> (cause instanceof RuntimeException match) ? match : null);
		assertThat(runtime).isSameAs(outer);
	}

	@Test
	void looksNoFurtherThanTheBound() {
		IOException io = new IOException("deep");
		Throwable chain = io;
		for (int i = 0; i < 3; i++) {
			chain = new IllegalStateException("link " + i, chain);
		}
		assertThat(firstIoException(chain, 3)).isNull();
		assertThat(firstIoException(chain, 4)).isSameAs(io);
	}

	@Test
	void aChainThatLoopsEnds() {
		IllegalStateException first = new IllegalStateException("first");
		IllegalStateException second = new IllegalStateException("second", first);
		first.initCause(second);
		assertThat(firstIoException(first, 16)).isNull();
		assertThat(firstIoException(null, 16)).isNull();
	}

	private static @Nullable IOException firstIoException(@Nullable Throwable throwable, int maxDepth) {
		return Causes.first(throwable, maxDepth, (cause) -> (cause instanceof IOException io) ? io : null);
	}

	@Test
	void theDeepestCauseIsTheLastLinkBeforeTheChainEndsLoopsOrReachesTheBound() {
		IOException io = new IOException("deepest");
		RuntimeException outer = new IllegalStateException("outer", new UncheckedIOException(io));
		assertThat(Causes.deepest(outer, 16)).isSameAs(io);
		assertThat(Causes.deepest(outer, 2)).isSameAs(outer.getCause());
		assertThat(Causes.deepest(io, 16)).isSameAs(io);
		IllegalStateException first = new IllegalStateException("first");
		IOException second = new IOException("second", first);
		first.initCause(second);
		assertThat(Causes.deepest(first, 16)).isSameAs(second);
	}

	@Test
	void aChainEndsWhenItHasNoMoreLinksThanTheBound() {
		RuntimeException outer = new IllegalStateException("outer", new UncheckedIOException(new IOException("io")));
		assertThat(Causes.ends(outer, 3)).isTrue();
		assertThat(Causes.ends(outer, 2)).isFalse();
		IllegalStateException first = new IllegalStateException("first");
		first.initCause(new IOException("second", first));
		assertThat(Causes.ends(first, 64)).isFalse();
	}

}
