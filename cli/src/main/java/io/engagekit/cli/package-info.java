/**
 * The {@code engagekit} command-line tool: each command parses its options, calls the library and
 * renders the result (text, CSV, one JSON object through {@code JsonOutput}, or an HTML report).
 * No statistics, parsing or model knowledge lives here; see docs/ARCHITECTURE.md.
 */
@NullMarked
package io.engagekit.cli;

import org.jspecify.annotations.NullMarked;
