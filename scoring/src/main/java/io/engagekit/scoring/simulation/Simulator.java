package io.engagekit.scoring.simulation;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Cadence;
import io.engagekit.core.Channel;
import io.engagekit.core.ContentType;
import io.engagekit.core.Customer;
import io.engagekit.core.Initiator;
import io.engagekit.core.Journey;
import io.engagekit.core.JourneyOutcome;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointBuilder;
import io.engagekit.core.TouchpointKind;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Simulates a customer base with known ground truth.
 *
 * <p>Each customer has a relationship type (uniform over the six) and three latent variables, each
 * standard normal: loyalty L; satisfaction S = ρL + √(1−ρ²)·ε, with ρ the settings'
 * satisfaction-loyalty correlation; and journey experience E = 0.7L + √0.51·ε'. What happens
 * follows from them:
 *
 * <ul>
 *   <li><b>Purchases</b> (BG/NBD-like, Fader, Hardie &amp; Lee 2005): the first in the first
 *       twelve weeks; then, while active, a Poisson process of rate λ = 0.15·e^(0.5L + 0.5η)
 *       purchases a week; after each repeat purchase the customer becomes inactive with
 *       probability p = 1/(1 + e^(1.6 + 0.6L + 0.6E)). Values are log-normal around $35.
 *   <li><b>Journeys</b>, each with its touchpoints (journey id and step) and a journey record;
 *       every touchpoint belongs to one. Every purchase ends a completed {@code purchase} journey
 *       (a visit, sometimes a content view, then the purchase); abandoned {@code purchase}
 *       journeys come at λ·a a week with a = 1/(1 + e^(0.5 + 1.5E)); {@code support} journeys come
 *       at 0.06 a week, with response times that grow as E falls, and fail (a complaint follows the
 *       contact) with probability 1/(1 + e^(1.2 + 1.2E)); after a failed journey a quarter of
 *       customers defect (DESIGN.md: "a quarter defect after one bad experience"). Channels follow
 *       the relationship type (self-service customers use web, mobile and kiosk; dedicated
 *       personal assistance, face to face, phone and email; and so on).
 *   <li><b>Content and cadence</b>: a newsletter every two weeks that an active customer opens
 *       (a content view, cadence scheduled, a completed {@code newsletter} journey) with
 *       probability 0.3; community and co-creation customers post and view user-generated content
 *       ({@code community} journeys, cadence continuous).
 *   <li><b>Advocacy</b>: referrals and reviews ({@code advocacy} journeys) at 0.02·e^L a week
 *       while active; reviews carry a reach and a sentiment from S.
 *   <li><b>Surveys</b>, driven by S only: every customer answers CSAT and NPS within a week of
 *       their first purchase, and CSAT and CES after each support journey with probability 0.6.
 *       Touchpoint sentiment also follows S.
 * </ul>
 *
 * <p>So with ρ = 0 the survey answers carry no information about who stays, and a satisfaction
 * strategy's retention AUC is ½ up to sampling noise, while purchase-based loyalty strategies
 * recover L and journey scores recover E. Score journeys without seeing the future with {@link
 * Population#journeysKnownAt}. Customers are simulated independently from streams split off the seed, so the same
 * settings give the same population. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Simulator {
  private static final double PURCHASE_BASE = 0.15;
  private static final double SUPPORT_RATE = 0.06;
  /** The share of customers who leave after a failed journey ("a quarter defect after one bad experience"). */
  private static final double DEFECT = 0.25;
  private static final double ADVOCACY_BASE = 0.02;
  private static final double DAY = 86_400;

  private Simulator() {}

  /** The start of a day counted from the settings' start. */
  static Instant dayStart(SimulationSettings settings, long day) {
    return settings.start().plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * Simulates a population.
   *
   * @param settings what to simulate
   * @return the population with its ground truth
   * @throws NullPointerException if the settings are null
   */
  public static Population simulate(SimulationSettings settings) {
    requireNonNull(settings, "settings");
    List<Customer> customers = new ArrayList<>();
    List<Touchpoint> touchpoints = new ArrayList<>();
    List<SurveyResponse> surveys = new ArrayList<>();
    List<Journey> journeys = new ArrayList<>();
    List<GroundTruth> truth = new ArrayList<>();
    try {
      simulate(settings, (customer, known, t, s, j) -> {
        customers.add(customer);
        truth.add(known);
        touchpoints.addAll(t);
        surveys.addAll(s);
        journeys.addAll(j);
      });
    } catch (IOException e) {
      throw new AssertionError("collecting in memory does no I/O", e);
    }
    touchpoints.sort(Comparator.comparing(Touchpoint::at).thenComparing(Touchpoint::customer));
    surveys.sort(Comparator.comparing(SurveyResponse::at).thenComparing(SurveyResponse::customer));
    journeys.sort(Comparator.comparing(Journey::start).thenComparing(Journey::id));
    return new Population(settings, customers, touchpoints, surveys, journeys, truth);
  }

  /**
   * Simulates a population one customer at a time, in id order, handing each to a sink and keeping
   * nothing: memory does not grow with the population. The customers are those of {@link
   * #simulate(SimulationSettings)} with the same settings; each one's touchpoints and survey answers
   * come in time order and journeys by start, but across customers the order is by customer rather
   * than by time.
   *
   * @param settings what to simulate
   * @param sink receives each customer
   * @throws IOException if the sink fails
   * @throws NullPointerException if an argument is null
   * @since 0.2
   */
  public static void simulate(SimulationSettings settings, SimulationSink sink) throws IOException {
    requireNonNull(settings, "settings");
    requireNonNull(sink, "sink");
    SplittableRandom root = new SplittableRandom(settings.seed());
    List<Customer> customer = new ArrayList<>(1);
    List<Touchpoint> touchpoints = new ArrayList<>();
    List<SurveyResponse> surveys = new ArrayList<>();
    List<Journey> journeys = new ArrayList<>();
    List<GroundTruth> truth = new ArrayList<>(1);
    int digits = Math.max(5, Integer.toString(settings.customers()).length());
    String format = "%0" + digits + "d";
    for (int i = 0; i < settings.customers(); i++) {
      String id = "c" + String.format(java.util.Locale.ROOT, format, i + 1);
      customer.clear();
      touchpoints.clear();
      surveys.clear();
      journeys.clear();
      truth.clear();
      new One(settings, root.split(), id, touchpoints, surveys, journeys, customer, truth).run();
      touchpoints.sort(Comparator.comparing(Touchpoint::at));
      surveys.sort(Comparator.comparing(SurveyResponse::at));
      journeys.sort(Comparator.comparing(Journey::start).thenComparing(Journey::id));
      sink.customer(customer.get(0), truth.get(0), List.copyOf(touchpoints), List.copyOf(surveys),
          List.copyOf(journeys));
    }
  }


  /** One customer's simulation. */
  private static final class One {
    private final SimulationSettings settings;
    private final SplittableRandom random;
    private final String id;
    private final List<Touchpoint> touchpoints;
    private final List<SurveyResponse> surveys;
    private final List<Journey> journeys;
    private final List<Customer> customers;
    private final List<GroundTruth> truth;
    private final double calibrationDays;
    private final double endDays;
    private RelationshipType type;
    private double satisfaction;
    private double experience;
    private int journeyCount;
    private boolean retained;

    One(SimulationSettings settings, SplittableRandom random, String id, List<Touchpoint> touchpoints,
        List<SurveyResponse> surveys, List<Journey> journeys, List<Customer> customers, List<GroundTruth> truth) {
      this.settings = settings;
      this.random = random;
      this.id = id;
      this.touchpoints = touchpoints;
      this.surveys = surveys;
      this.journeys = journeys;
      this.customers = customers;
      this.truth = truth;
      this.calibrationDays = 7.0 * settings.calibrationWeeks();
      this.endDays = 7.0 * (settings.calibrationWeeks() + settings.holdoutWeeks());
    }

    void run() {
      type = RelationshipType.values()[random.nextInt(RelationshipType.values().length)];
      double loyalty = gaussian();
      double rho = settings.satisfactionLoyaltyCorrelation();
      satisfaction = rho * loyalty + Math.sqrt(1 - rho * rho) * gaussian();
      experience = 0.7 * loyalty + Math.sqrt(0.51) * gaussian();
      double rate = PURCHASE_BASE * Math.exp(0.5 * loyalty + 0.5 * gaussian());
      double dropout = 1 / (1 + Math.exp(1.6 + 0.6 * loyalty + 0.6 * experience));
      double abandon = 1 / (1 + Math.exp(0.5 + 1.5 * experience));
      double first = random.nextDouble() * 84;
      // Purchases: the first, then a Poisson process until dropout or the end.
      List<Double> purchases = new ArrayList<>();
      purchases.add(first);
      double t = first;
      Double droppedAt = null;
      while (true) {
        t += exponential(rate / 7);
        if (t > endDays) {
          break;
        }
        purchases.add(t);
        if (random.nextDouble() < dropout) {
          droppedAt = t;
          break;
        }
      }
      // Support journeys; a failed one makes the customer defect with probability DEFECT.
      double activeUntil = droppedAt == null ? endDays : droppedAt;
      for (double at : poisson(first, activeUntil, SUPPORT_RATE / 7)) {
        if (at > activeUntil) {
          break;
        }
        double ended = supportJourney(at);
        if (ended >= 0 && random.nextDouble() < DEFECT) {
          droppedAt = ended;
          activeUntil = ended;
        }
      }
      double until = activeUntil;
      purchases.removeIf(d -> d > until);
      for (double at : purchases) {
        purchaseJourney(at);
      }
      for (double at : poisson(first, activeUntil, rate * abandon / 7)) {
        abandonedJourney(at);
      }
      for (double at : poisson(first, activeUntil, ADVOCACY_BASE * Math.exp(loyalty) / 7)) {
        advocacy(at);
      }
      newsletters(first, activeUntil);
      if (type == RelationshipType.COMMUNITIES || type == RelationshipType.CO_CREATION) {
        for (double at : poisson(first, activeUntil, 0.3 / 7)) {
          community(at);
        }
      }
      double onboarding = first + 1 + random.nextDouble() * 6;
      survey(onboarding, SurveyMetric.CSAT);
      survey(onboarding, SurveyMetric.NPS);
      long calibrationRepeats = purchases.stream().skip(1).filter(d -> d <= calibrationDays).count();
      long holdoutPurchases = purchases.stream().filter(d -> d > calibrationDays).count();
      customers.add(Customer.of(id).withRelationship(type));
      truth.add(new GroundTruth(id, type, loyalty, satisfaction, rate, dropout, instant(first),
          Optional.ofNullable(droppedAt).map(this::instant), calibrationRepeats, holdoutPurchases, retained));
    }

    private void purchaseJourney(double at) {
      String journey = nextJourney();
      double start = Math.max(0, at - random.nextDouble() * 3);
      int step = 0;
      add(journey, step++, start, visitChannel(), TouchpointKind.VISIT, b -> { });
      if (random.nextDouble() < 0.5) {
        double view = start + (at - start) * random.nextDouble();
        add(journey, step++, view, visitChannel(), TouchpointKind.CONTENT_VIEW,
            b -> b.contentType(content()).cadence(Cadence.AD_HOC));
      }
      double value = Math.round(35 * Math.exp(0.6 * gaussian()) * 100) / 100.0;
      add(journey, step, at, visitChannel(), TouchpointKind.PURCHASE, b -> b.value(value).quantity(1));
      record(journey, "purchase", start, Optional.of(at), JourneyOutcome.COMPLETED);
    }

    private void abandonedJourney(double at) {
      String journey = nextJourney();
      add(journey, 0, at, visitChannel(), TouchpointKind.VISIT, b -> { });
      double end = at;
      if (random.nextDouble() < 0.5) {
        end = Math.min(endDays, at + random.nextDouble() / 24);
        add(journey, 1, end, visitChannel(), TouchpointKind.CONTENT_VIEW,
            b -> b.contentType(content()).cadence(Cadence.AD_HOC));
      }
      record(journey, "purchase", at, Optional.of(end), JourneyOutcome.ABANDONED);
    }

    /** Simulates a support journey; returns when it failed (the complaint), or -1 if it did not. */
    private double supportJourney(double at) {
      String journey = nextJourney();
      Channel channel = pick(Channel.PHONE, Channel.CHAT, Channel.EMAIL);
      double seconds = Math.round(60 * Math.exp(1.0 - 0.9 * experience + 0.5 * gaussian()));
      double sentiment = sentiment();
      add(journey, 0, at, channel, TouchpointKind.SUPPORT_CONTACT,
          b -> b.responseSeconds(seconds).sentiment(sentiment));
      boolean failed = random.nextDouble() < 1 / (1 + Math.exp(1.2 + 1.2 * experience));
      double failedAt = -1;
      if (failed) {
        double complaint = at + random.nextDouble() * 2;
        if (complaint <= endDays) {
          double angry = Math.min(sentiment, -0.2 - 0.6 * random.nextDouble());
          add(journey, 1, complaint, channel, TouchpointKind.COMPLAINT, b -> b.sentiment(angry));
          record(journey, "support", at, Optional.of(complaint), JourneyOutcome.FAILED);
          failedAt = complaint;
        } else {
          record(journey, "support", at, Optional.empty(), JourneyOutcome.IN_PROGRESS);
        }
      } else {
        record(journey, "support", at, Optional.of(at), JourneyOutcome.COMPLETED);
      }
      if (random.nextDouble() < 0.6) {
        double answered = at + random.nextDouble() * 2;
        survey(answered, SurveyMetric.CSAT);
        survey(answered, SurveyMetric.CES);
      }
      return failedAt;
    }

    private void advocacy(double at) {
      String journey = nextJourney();
      record(journey, "advocacy", at, Optional.of(at), JourneyOutcome.COMPLETED);
      if (random.nextBoolean()) {
        add(journey, 0, at, pick(Channel.WEB, Channel.SOCIAL, Channel.FACE_TO_FACE), TouchpointKind.REFERRAL,
            b -> b.reach(1));
      } else {
        long reach = Math.round(Math.exp(2 + 2 * random.nextDouble() * 2));
        double sentiment = sentiment();
        add(journey, 0, at, pick(Channel.WEB, Channel.SOCIAL), TouchpointKind.REVIEW,
            b -> b.reach(reach).sentiment(sentiment).contentType(ContentType.USER_GENERATED));
      }
    }

    private void newsletters(double first, double activeUntil) {
      double issue = Math.ceil(first / 14) * 14 + 2;
      for (; issue <= activeUntil; issue += 14) {
        if (random.nextDouble() < 0.3) {
          double opened = issue + random.nextDouble();
          ContentType content = pick(ContentType.IN_HOUSE, ContentType.NEWS, ContentType.ANALYTICAL);
          String journey = nextJourney();
          record(journey, "newsletter", opened, Optional.of(opened), JourneyOutcome.COMPLETED);
          add(journey, 0, opened, Channel.EMAIL, TouchpointKind.CONTENT_VIEW,
              b -> b.contentType(content).cadence(Cadence.SCHEDULED));
        }
      }
    }

    private void community(double at) {
      String journey = nextJourney();
      record(journey, "community", at, Optional.of(at), JourneyOutcome.COMPLETED);
      if (random.nextDouble() < 0.3) {
        TouchpointKind kind = type == RelationshipType.CO_CREATION ? TouchpointKind.CO_CREATION
            : TouchpointKind.COMMUNITY_POST;
        double sentiment = sentiment();
        add(journey, 0, at, Channel.SOCIAL, kind, b -> b.contentType(ContentType.USER_GENERATED)
            .cadence(Cadence.CONTINUOUS).reach(1 + random.nextInt(200)).sentiment(sentiment));
      } else {
        add(journey, 0, at, Channel.SOCIAL, TouchpointKind.CONTENT_VIEW,
            b -> b.contentType(ContentType.USER_GENERATED).cadence(Cadence.CONTINUOUS));
      }
    }

    private void survey(double at, SurveyMetric metric) {
      if (at > endDays) {
        return;
      }
      double latent = satisfaction + 0.5 * gaussian();
      int score = switch (metric) {
        case CSAT -> 1 + steps(latent, -1.5, -0.5, 0.5, 1.5);
        case NPS -> (int) Math.max(0, Math.min(10, Math.round(7 + 2 * latent)));
        case CES -> 1 + steps(latent, -2, -1.2, -0.4, 0.4, 1.2, 2);
      };
      surveys.add(SurveyResponse.of(id, instant(at), metric, score));
      retained |= at > calibrationDays;
    }

    private static int steps(double value, double... cuts) {
      int n = 0;
      for (double c : cuts) {
        if (value > c) {
          n++;
        }
      }
      return n;
    }

    private double sentiment() {
      return Math.tanh(0.8 * satisfaction + 0.3 * gaussian());
    }

    private void add(String journey, int step, double at, Channel channel, TouchpointKind kind,
        java.util.function.Consumer<TouchpointBuilder> more) {
      TouchpointBuilder b = Touchpoint.builder(id, instant(at), channel, kind).initiator(Initiator.CUSTOMER)
          .journey(journey).step(step);
      more.accept(b);
      touchpoints.add(b.build());
      retained |= at > calibrationDays;
    }

    private void record(String journey, String journeyType, double start, Optional<Double> end,
        JourneyOutcome outcome) {
      journeys.add(new Journey(journey, id, journeyType, instant(start), end.map(this::instant), outcome));
    }

    private String nextJourney() {
      return id + "-j" + (++journeyCount);
    }

    private Channel visitChannel() {
      return switch (type) {
        case PERSONAL_ASSISTANCE -> pick(Channel.RETAIL, Channel.PHONE, Channel.FACE_TO_FACE);
        case DEDICATED_PERSONAL_ASSISTANCE -> pick(Channel.FACE_TO_FACE, Channel.PHONE, Channel.EMAIL);
        case SELF_SERVICE -> pick(Channel.WEB, Channel.MOBILE, Channel.KIOSK);
        case AUTOMATED_SERVICES -> pick(Channel.MOBILE, Channel.WEB, Channel.EMAIL);
        case COMMUNITIES -> pick(Channel.SOCIAL, Channel.WEB, Channel.MOBILE);
        case CO_CREATION -> pick(Channel.SOCIAL, Channel.WEB, Channel.VIRTUAL);
      };
    }

    private ContentType content() {
      return type == RelationshipType.COMMUNITIES || type == RelationshipType.CO_CREATION
          ? pick(ContentType.USER_GENERATED, ContentType.IN_HOUSE)
          : pick(ContentType.IN_HOUSE, ContentType.NEWS, ContentType.ANALYTICAL);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
      return options[random.nextInt(options.length)];
    }

    /** Event days of a Poisson process of the given rate per day on (from, to]. */
    private List<Double> poisson(double from, double to, double ratePerDay) {
      List<Double> out = new ArrayList<>();
      double t = from;
      while (true) {
        t += exponential(ratePerDay);
        if (t > to) {
          return out;
        }
        out.add(t);
      }
    }

    private double exponential(double rate) {
      return -Math.log(1 - random.nextDouble()) / rate;
    }

    private double gaussian() {
      // Box-Muller on the customer's own stream, so results do not depend on other customers.
      double u = 1 - random.nextDouble();
      double v = random.nextDouble();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private Instant instant(double day) {
      return settings.start().atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds((long) Math.floor(day * DAY));
    }
  }
}
