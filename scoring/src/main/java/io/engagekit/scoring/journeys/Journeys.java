package io.engagekit.scoring.journeys;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Journey;
import io.engagekit.core.JourneyOutcome;
import io.engagekit.core.JourneyPath;
import io.engagekit.core.Touchpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Assembles journeys from touchpoints. Thread-safe; a pure function of its arguments.
 *
 * @since 0.1
 */
public final class Journeys {
  /** The type of a journey cut from touchpoints without a journey id. */
  public static final String SESSION_TYPE = "session";
  /** The type of a journey known only from the journey id its touchpoints carry. */
  public static final String UNTYPED = "untyped";

  /**
   * The order of touchpoints within a journey: by instant, then at the same instant the others
   * before failures before conversions (the converting contact comes last), then by channel, kind,
   * journey, step, sentiment, response time and value, so that the order never depends on the
   * order the touchpoints were given in.
   */
  static Comparator<Touchpoint> order(JourneySettings settings) {
    return Comparator.comparing(Touchpoint::at)
        .thenComparingInt(t -> settings.conversions().contains(t.kind()) ? 2
            : settings.failures().contains(t.kind()) ? 1 : 0)
        .thenComparing(t -> t.channel().code())
        .thenComparing(Touchpoint::kind)
        .thenComparing(t -> t.journey().orElse(""))
        .thenComparingInt(t -> t.step().orElse(-1))
        .thenComparingDouble(t -> t.sentimentOr(2))
        .thenComparingDouble(t -> t.responseSecondsOr(-1))
        .thenComparingDouble(t -> t.valueOr(-1));
  }

  private Journeys() {}

  /**
   * Assembles every journey of the touchpoints, as of an instant.
   *
   * <ol>
   *   <li>A touchpoint naming the id of a known journey belongs to it: it must be that journey's
   *       customer's and lie in its window. A known journey without touchpoints is kept, empty.
   *   <li>Touchpoints naming an unknown journey id make a journey of type {@value #UNTYPED}, from
   *       the first to the last of them. They must all be one customer's (ids are unique within a
   *       data set).
   *   <li>Each customer's touchpoints without a journey id are sessionized in time order: a journey
   *       ends after its first conversion or failure (with the touchpoints at that same instant), and
   *       a new one starts where at least the gap passes without contact. They are of type {@value
   *       #SESSION_TYPE}, with ids {@code session-1}, {@code session-2}, … numbered by customer id
   *       and then time, skipping ids that touchpoints or known journeys use.
   * </ol>
   *
   * <p>The outcome of an assembled journey (cases 2 and 3): {@code completed} if a touchpoint is a
   * conversion, else {@code failed} if one is a failure, else {@code abandoned} if its last contact
   * is at least the gap before {@code asOf}, else {@code in_progress}. It ends at its last
   * touchpoint unless in progress. Known journeys keep their own outcome.
   *
   * @param touchpoints the touchpoints, in any order, none after {@code asOf}
   * @param known journeys known from a journeys file, with distinct ids; may be empty
   * @param settings the gap and terminal kinds
   * @param asOf the instant the journeys are seen from
   * @return the journeys with their touchpoints, by customer id, start and id
   * @throws IllegalArgumentException if a touchpoint is after {@code asOf}, does not fit the known
   *     journey it names, or shares an unknown journey id with another customer's touchpoint, or if
   *     two known journeys share an id
   * @throws NullPointerException if an argument or element is null
   */
  public static List<JourneyPath> assemble(Collection<Touchpoint> touchpoints, Collection<Journey> known,
      JourneySettings settings, Instant asOf) {
    requireNonNull(settings, "settings");
    requireNonNull(asOf, "asOf");
    Map<String, Journey> byId = new HashMap<>();
    for (Journey j : requireNonNull(known, "known")) {
      if (byId.put(requireNonNull(j, "journey").id(), j) != null) {
        throw new IllegalArgumentException("two known journeys have the id " + j.id());
      }
    }
    Set<String> usedIds = new HashSet<>(byId.keySet());
    Map<String, List<Touchpoint>> named = new TreeMap<>();
    Map<String, List<Touchpoint>> loose = new TreeMap<>();
    for (Touchpoint t : requireNonNull(touchpoints, "touchpoints")) {
      requireNonNull(t, "touchpoint");
      if (t.at().isAfter(asOf)) {
        throw new IllegalArgumentException("a touchpoint of customer " + t.customer() + " at " + t.at()
            + " is after the instant the journeys are assembled as of, " + asOf);
      }
      Optional<String> id = t.journey();
      if (id.isPresent()) {
        usedIds.add(id.get());
        named.computeIfAbsent(id.get(), k -> new ArrayList<>()).add(t);
      } else {
        loose.computeIfAbsent(t.customer(), k -> new ArrayList<>()).add(t);
      }
    }
    Comparator<Touchpoint> order = order(settings);
    List<JourneyPath> out = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    for (Map.Entry<String, List<Touchpoint>> e : named.entrySet()) {
      List<Touchpoint> list = e.getValue();
      list.sort(order);
      Journey j = byId.get(e.getKey());
      if (j != null) {
        for (Touchpoint t : list) {
          if (!t.customer().equals(j.customer())) {
            throw new IllegalArgumentException("a touchpoint of customer " + t.customer() + " at " + t.at()
                + " names journey " + j.id() + ", which is customer " + j.customer() + "'s");
          }
          if (!j.contains(t.at())) {
            throw new IllegalArgumentException("a touchpoint of customer " + t.customer() + " at " + t.at()
                + " names journey " + j.id() + " but lies outside its window [" + j.start() + ", "
                + j.end().map(Object::toString).orElse("in progress") + "]");
          }
        }
        placed.add(j.id());
        out.add(j.withTouchpoints(list));
      } else {
        String customer = list.get(0).customer();
        for (Touchpoint t : list) {
          if (!t.customer().equals(customer)) {
            throw new IllegalArgumentException("journey id " + e.getKey() + " is named by touchpoints of customers "
                + customer + " and " + t.customer() + "; a journey id belongs to one customer");
          }
        }
        out.add(derived(e.getKey(), UNTYPED, list, settings, asOf));
      }
    }
    for (Journey j : byId.values()) {
      if (!placed.contains(j.id())) {
        out.add(j.withTouchpoints(List.of()));
      }
    }
    int next = 1;
    for (List<Touchpoint> list : loose.values()) {
      list.sort(order);
      List<Touchpoint> current = new ArrayList<>();
      Instant terminal = null;
      for (Touchpoint t : list) {
        if (!current.isEmpty()) {
          Instant last = current.get(current.size() - 1).at();
          boolean ended = terminal != null ? t.at().isAfter(terminal)
              : Duration.between(last, t.at()).compareTo(settings.gap()) >= 0;
          if (ended) {
            while (usedIds.contains("session-" + next)) {
              next++;
            }
            out.add(derived("session-" + next++, SESSION_TYPE, current, settings, asOf));
            current = new ArrayList<>();
            terminal = null;
          }
        }
        current.add(t);
        if (terminal == null && (settings.conversions().contains(t.kind()) || settings.failures().contains(t.kind()))) {
          terminal = t.at();
        }
      }
      while (usedIds.contains("session-" + next)) {
        next++;
      }
      out.add(derived("session-" + next++, SESSION_TYPE, current, settings, asOf));
    }
    out.sort(Comparator.comparing((JourneyPath p) -> p.journey().customer())
        .thenComparing(p -> p.journey().start())
        .thenComparing(p -> p.journey().id()));
    return List.copyOf(out);
  }

  private static JourneyPath derived(String id, String type, List<Touchpoint> list, JourneySettings settings,
      Instant asOf) {
    boolean converted = false;
    boolean failed = false;
    for (Touchpoint t : list) {
      converted |= settings.conversions().contains(t.kind());
      failed |= settings.failures().contains(t.kind());
    }
    Instant first = list.get(0).at();
    Instant last = list.get(list.size() - 1).at();
    JourneyOutcome outcome = converted ? JourneyOutcome.COMPLETED : failed ? JourneyOutcome.FAILED
        : Duration.between(last, asOf).compareTo(settings.gap()) >= 0 ? JourneyOutcome.ABANDONED
        : JourneyOutcome.IN_PROGRESS;
    Optional<Instant> end = outcome == JourneyOutcome.IN_PROGRESS ? Optional.empty() : Optional.of(last);
    return new Journey(id, list.get(0).customer(), type, first, end, outcome).withTouchpoints(list);
  }

  /**
   * Returns journeys as they were known at an instant, for scoring then without seeing the future:
   * those started by it, with the ones that ended after it (or have not ended) in progress.
   *
   * @param journeys the journeys
   * @param asOf the instant, such as the end of a calibration period
   * @return the known journeys, in the given order
   * @throws NullPointerException if an argument or journey is null
   */
  public static List<Journey> knownAt(Collection<Journey> journeys, Instant asOf) {
    requireNonNull(asOf, "asOf");
    List<Journey> known = new ArrayList<>();
    for (Journey j : requireNonNull(journeys, "journeys")) {
      if (j.start().isAfter(asOf)) {
        continue;
      }
      boolean open = j.end().isEmpty() || j.end().get().isAfter(asOf);
      known.add(open ? new Journey(j.id(), j.customer(), j.type(), j.start(), Optional.empty(),
          JourneyOutcome.IN_PROGRESS) : j);
    }
    return known;
  }
}
