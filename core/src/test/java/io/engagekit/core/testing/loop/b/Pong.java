package io.engagekit.core.testing.loop.b;

import io.engagekit.core.testing.loop.a.Ping;

/** The other half of the deliberate import loop of {@link Ping}. */
public final class Pong {
  private Pong() {}

  /** Returns the other half. */
  static Class<?> other() {
    return Ping.class;
  }
}
