/**
 * The README's Quick start and "Testing your errors" examples, compiled and tested here
 * so that the README cannot drift from code that works; {@code ReadmeSnippetsTests}
 * checks that the README includes them verbatim.
 */
@NullMarked
package com.augno.errors.spring.quickstart;

import org.jspecify.annotations.NullMarked;
