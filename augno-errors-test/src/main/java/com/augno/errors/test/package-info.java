/**
 * AssertJ assertions for Augno error responses, whatever produced them: start with
 * {@link com.augno.errors.test.AugnoErrors#assertThat(org.springframework.test.web.servlet.assertj.MvcTestResult)}
 * and its siblings.
 */
@NullMarked
package com.augno.errors.test;

import org.jspecify.annotations.NullMarked;
