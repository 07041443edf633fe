package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A kind of fitted model, as {@link FittedModel} and {@link ModelJson} name it: its name (the
 * {@code "model"} field of a fitted model's JSON), its parameters in order, whether its times have
 * a unit, and how a model is made from its parameters. The built-ins are {@code bgnbd}, {@code
 * mbgnbd}, {@code paretonbd}, {@code gammagamma}, {@code bgbb} and {@code sbg}; a third-party model takes part by
 * registering its {@code ModelType} as a {@link ServiceLoader} provider of this interface, after
 * which its fits are written and read like the built-ins'.
 *
 * <pre>{@code
 * ModelType<BgNbd> type = ModelType.BGNBD;
 * BgNbd model = type.create(Map.of("r", 0.24, "alpha", 4.41, "a", 0.79, "b", 2.43));
 * }</pre>
 *
 * <p>Implementations must be immutable and thread-safe.
 *
 * @param <M> the model
 * @since 0.2
 */
public interface ModelType<M> {
  /** BG/NBD (Fader, Hardie &amp; Lee 2005). */
  ModelType<BgNbd> BGNBD = of("bgnbd", BgNbd.NAMES, true, p -> new BgNbd(p[0], p[1], p[2], p[3]));
  /** MBG/NBD (Batislam, Denizel &amp; Filiztekin 2007). */
  ModelType<MbgNbd> MBGNBD = of("mbgnbd", MbgNbd.NAMES, true, p -> new MbgNbd(p[0], p[1], p[2], p[3]));
  /** Pareto/NBD (Schmittlein, Morrison &amp; Colombo 1987). */
  ModelType<ParetoNbd> PARETONBD = of("paretonbd", ParetoNbd.NAMES, true, p -> new ParetoNbd(p[0], p[1], p[2], p[3]));
  /**
   * GGompertz/NBD (Bemmaor &amp; Glady 2012).
   *
   * @since 0.2
   */
  ModelType<GGompertzNbd> GGOMNBD = of("ggomnbd", GGompertzNbd.NAMES, true,
      p -> new GGompertzNbd(p[0], p[1], p[2], p[3], p[4]));
  /** Gamma-Gamma spend (Fader, Hardie &amp; Lee 2005, "RFM and CLV"). */
  ModelType<GammaGamma> GAMMAGAMMA = of("gammagamma", GammaGamma.NAMES, false, p -> new GammaGamma(p[0], p[1], p[2]));
  /** BG/BB (Fader, Hardie &amp; Shang 2010); its times are periods, so it has no time unit. */
  ModelType<BgBb> BGBB = of("bgbb", BgBb.NAMES, "periods", p -> new BgBb(p[0], p[1], p[2], p[3]));
  /** The shifted-beta-geometric model of contract duration (Fader &amp; Hardie 2007); its times are periods. */
  ModelType<Sbg> SBG = of("sbg", Sbg.NAMES, "periods", p -> new Sbg(p[0], p[1]));

  /**
   * Returns the model's name, as fit commands and JSON name it.
   *
   * @return a lower-case name
   */
  String name();

  /**
   * Returns the names of the model's parameters, in order.
   *
   * @return the parameter names
   */
  List<String> parameters();

  /**
   * Returns whether the model's times (and so its parameters) are in a unit of time that a fit must
   * record.
   *
   * @return true for models of continuous time
   */
  boolean timed();

  /**
   * Returns the unit an untimed model's times are always in, if they have one: {@code periods} for
   * BG/BB, whose times count transaction opportunities. Written as the fit's {@code timeUnit}.
   *
   * @return the fixed unit, or empty
   */
  default Optional<String> fixedUnit() {
    return Optional.empty();
  }

  /**
   * Makes a model from its parameters.
   *
   * @param parameters a value for each of {@link #parameters()}, and nothing else
   * @return the model
   * @throws IllegalArgumentException naming the parameter, if one is missing, unknown or invalid
   */
  M create(Map<String, Double> parameters);

  /**
   * Returns a model type whose model is made from its parameters in order.
   *
   * @param name the model's name
   * @param parameters the parameter names, in order
   * @param timed whether its times have a unit
   * @param factory makes a model from the parameter values in order
   * @param <M> the model
   * @return the type
   */
  static <M> ModelType<M> of(String name, String[] parameters, boolean timed, Function<double[], M> factory) {
    return of(name, parameters, timed, null, factory);
  }

  /**
   * Returns an untimed model type whose times are always in one unit ({@link #fixedUnit()}).
   *
   * @param name the model's name
   * @param parameters the parameter names, in order
   * @param fixedUnit the unit of its times, such as {@code periods}
   * @param factory makes a model from the parameter values in order
   * @param <M> the model
   * @return the type
   */
  static <M> ModelType<M> of(String name, String[] parameters, String fixedUnit, Function<double[], M> factory) {
    return of(name, parameters, false, requireNonNull(fixedUnit, "fixedUnit"), factory);
  }

  private static <M> ModelType<M> of(String name, String[] parameters, boolean timed, @Nullable String fixedUnit,
      Function<double[], M> factory) {
    requireNonNull(name, "name");
    List<String> names = List.of(parameters);
    requireNonNull(factory, "factory");
    return new ModelType<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<String> parameters() {
        return names;
      }

      @Override
      public boolean timed() {
        return timed;
      }

      @Override
      public Optional<String> fixedUnit() {
        return Optional.ofNullable(fixedUnit);
      }

      @Override
      public M create(Map<String, Double> values) {
        for (String key : values.keySet()) {
          if (!names.contains(key)) {
            throw new IllegalArgumentException("a " + name + " model has no parameter " + key + "; it has " + names);
          }
        }
        double[] v = new double[names.size()];
        for (int i = 0; i < v.length; i++) {
          Double x = values.get(names.get(i));
          if (x == null) {
            throw new IllegalArgumentException("parameter " + names.get(i) + " of a " + name + " model is missing");
          }
          v[i] = x;
        }
        return factory.apply(v);
      }

      @Override
      public String toString() {
        return "ModelType[" + name + "]";
      }
    };
  }

  /**
   * Returns every model type: the built-ins, then those registered as providers, by name.
   *
   * @return the types
   * @throws IllegalStateException if a provider cannot be loaded or two types share a name
   */
  static List<ModelType<?>> all() {
    Map<String, ModelType<?>> byName = new LinkedHashMap<>();
    for (ModelType<?> t : List.of(BGNBD, MBGNBD, PARETONBD, GGOMNBD, GAMMAGAMMA, BGBB, SBG)) {
      byName.put(t.name(), t);
    }
    @SuppressWarnings("rawtypes")
    Iterator<ModelType> providers = ServiceLoader.load(ModelType.class).iterator();
    while (true) {
      ModelType<?> t;
      try {
        if (!providers.hasNext()) {
          break;
        }
        t = providers.next();
      } catch (ServiceConfigurationError e) {
        throw new IllegalStateException("a model type provider could not be loaded: " + e.getMessage(), e);
      }
      ModelType<?> clash = byName.putIfAbsent(requireNonNull(t.name(), "model type name"), t);
      if (clash != null) {
        throw new IllegalStateException("model name '" + t.name() + "' is claimed by both " + clash + " and " + t);
      }
    }
    return List.copyOf(byName.values());
  }

  /**
   * Returns the model type of that name.
   *
   * @param name a model name
   * @return the type
   * @throws IllegalArgumentException if no type has that name
   */
  static ModelType<?> named(String name) {
    requireNonNull(name, "name");
    List<String> names = new ArrayList<>();
    for (ModelType<?> t : all()) {
      if (t.name().equals(name)) {
        return t;
      }
      names.add(t.name());
    }
    throw new IllegalArgumentException("no model is named '" + name + "'"
        + io.engagekit.core.internal.Suggestions.didYouMean(name, names) + "; known: " + names);
  }
}
