/**
 * EngageKit core: the engagement domain model and its validated CSV / JSON Lines input and output.
 *
 * <p>{@code io.engagekit.core} holds the immutable values every strategy scores (customers,
 * channels, touchpoints, survey responses, journeys); {@code io.engagekit.core.io} reads and writes
 * them, reporting every rejected row with its line number, field and reason.
 */
@SuppressWarnings("module") // the qualified export names a module built after this one
module io.engagekit.core {
  requires static transitive org.jspecify;
  requires org.slf4j;
  requires de.siegmar.fastcsv;
  requires com.fasterxml.jackson.core;

  exports io.engagekit.core;
  exports io.engagekit.core.io;
  // "Did you mean" for the scoring module's names; not API.
  exports io.engagekit.core.internal to io.engagekit.scoring;
}
