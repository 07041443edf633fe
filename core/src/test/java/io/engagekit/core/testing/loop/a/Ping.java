package io.engagekit.core.testing.loop.a;

import io.engagekit.core.testing.loop.b.Pong;

/** Half of a deliberate import loop, so that the architecture tests can show they catch one. */
public final class Ping {
  private Ping() {}

  /** Returns the other half. */
  static Class<?> other() {
    return Pong.class;
  }
}
