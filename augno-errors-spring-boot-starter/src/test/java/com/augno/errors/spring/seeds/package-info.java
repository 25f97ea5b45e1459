/**
 * The error contracts of other companies (seeds 002 and 004), each served through public
 * extension points alone: a format class and a catalogue file. The README's recipes are
 * regions of these files.
 */
@NullMarked
package com.augno.errors.spring.seeds;

import org.jspecify.annotations.NullMarked;
