/**
 * The engagement domain model: immutable, validated values.
 *
 * <p>Every factory and constructor is null-hostile ({@link NullPointerException} naming the
 * parameter) and rejects bad values with an {@link io.engagekit.core.InvalidFieldException} (an
 * {@link IllegalArgumentException}) that names the field, what was expected and what was given.
 * NaN and infinities are rejected everywhere. Field names are those of the canonical file formats
 * ({@code customer}, {@code timestamp}, {@code response_seconds}, …), so a message reads the same
 * whether the value came from Java code or from a file.
 */
@NullMarked
package io.engagekit.core;

import org.jspecify.annotations.NullMarked;
