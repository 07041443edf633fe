/**
 * Test support for strategy authors: extend {@link io.engagekit.testkit.ScoringStrategyContract}
 * with your strategy and every property a strategy must keep runs as JUnit 5 tests; use
 * {@link io.engagekit.testkit.Generators} for property tests of your own.
 */
package io.engagekit.testkit;
