/**
 * Reading and writing the domain model: CSV and JSON Lines in the canonical schemas, and
 * transaction logs from other systems.
 *
 * <p>Readers stream with bounded memory and never lose a row silently: every row is either
 * accepted or rejected, and every reject is reported with its 1-based line number, the field and
 * the reason. In strict mode the first reject ends the read with a {@link
 * io.engagekit.core.io.RejectedRowException}; in lenient mode each reject goes to a {@link
 * io.engagekit.core.io.RejectSink} and reading goes on. Problems that make the whole input
 * unreadable (a bad header, an I/O error) are thrown at once.
 *
 * <pre>{@code
 * List<Reject> rejects = new ArrayList<>();
 * try (RowReader<Touchpoint> rows =
 *     Schema.TOUCHPOINTS.reader(in, Format.CSV, ReadOptions.lenient(), rejects::add)) {
 *   rows.forEachRemaining(engine::record);
 *   ReadStats stats = rows.stats(); // rows == accepted + rejected
 * }
 * }</pre>
 */
@NullMarked
package io.engagekit.core.io;

import org.jspecify.annotations.NullMarked;
