package io.engagekit.flink;

import static java.util.Objects.requireNonNull;

/**
 * What one customer contributes to the population summaries as of a summary instant: the states of
 * the job's population strategies (an encoded {@link io.engagekit.scoring.StateRecord}), sent by
 * the keyed scoring operator to every population-scoring subtask. A later contribution of the same
 * customer replaces the earlier one.
 *
 * @param customer the customer id
 * @param at the summary instant, in epoch milliseconds (also the record's timestamp)
 * @param states the population strategies' states, in the job's order
 */
record PopulationUpdate(String customer, long at, byte[] states) {
  PopulationUpdate {
    requireNonNull(customer, "customer");
    requireNonNull(states, "states");
  }
}
