package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Customer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Customers' time-invariant covariates, coded as the numeric columns a {@link CovariateModel}
 * uses: from the text values of customer attributes (a {@link Customer}'s, or the further columns
 * of a customers file).
 *
 * <p>A covariate whose every value is a plain decimal number ({@code 12}, {@code -0.5}, {@code
 * 1e3}; not {@code NaN}, {@code Infinity}, hexadecimal or a type suffix) is <b>numeric</b>: one
 * column of that name holding the value. Any other covariate is <b>categorical</b>: its levels
 * are sorted (by {@link String#compareTo}), the first is the <b>reference level</b>, and every
 * other level gets a dummy column named {@code NAME=LEVEL}, 1 for the customers at that level and 0
 * otherwise. A covariate that does not vary (one level, or one number) is refused: its effect
 * could not be told from the model's scale parameters.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2
 */
public final class Covariates {
  /** A plain decimal: what a numeric covariate's values must all be. */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private final List<String> names;
  private final Map<String, List<String>> columnsOf;
  private final List<String> columns;
  private final Map<String, String> references;
  private final Map<String, Map<String, Double>> rows;

  private Covariates(List<String> names, Map<String, List<String>> columnsOf, Map<String, String> references,
      Map<String, Map<String, Double>> rows) {
    this.names = List.copyOf(names);
    this.columnsOf = Collections.unmodifiableMap(columnsOf);
    List<String> all = new ArrayList<>();
    columnsOf.values().forEach(all::addAll);
    this.columns = List.copyOf(all);
    this.references = Collections.unmodifiableMap(references);
    this.rows = Collections.unmodifiableMap(rows);
  }

  /**
   * Codes the named attributes of each customer.
   *
   * @param names the covariates, distinct and non-empty
   * @param attributes each customer's attributes by customer id; each must have a value for every
   *     named covariate
   * @return the coded covariates
   * @throws IllegalArgumentException naming the customer and covariate, if a value is missing or
   *     empty; naming the covariate, if it does not vary; or if there are no names or customers
   */
  public static Covariates code(List<String> names, Map<String, Map<String, String>> attributes) {
    requireNonNull(names, "names");
    requireNonNull(attributes, "attributes");
    if (names.isEmpty()) {
      throw new IllegalArgumentException("name at least one covariate");
    }
    if (attributes.isEmpty()) {
      throw new IllegalArgumentException("covariates need at least one customer");
    }
    if (new TreeSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("a covariate is named twice in " + names);
    }
    Map<String, List<String>> columnsOf = new LinkedHashMap<>();
    Map<String, String> references = new LinkedHashMap<>();
    Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
    attributes.keySet().forEach(id -> rows.put(requireNonNull(id, "customer id"), new LinkedHashMap<>()));
    for (String name : names) {
      requireNonNull(name, "covariate name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("a covariate name is empty");
      }
      boolean numeric = true;
      TreeSet<String> levels = new TreeSet<>();
      for (Map.Entry<String, Map<String, String>> e : attributes.entrySet()) {
        String v = requireNonNull(e.getValue(), "attributes of " + e.getKey()).get(name);
        if (v == null || v.isEmpty()) {
          throw new IllegalArgumentException("customer " + e.getKey() + " has no value for the covariate " + name);
        }
        levels.add(v);
        numeric &= DECIMAL.matcher(v).matches() && Double.isFinite(Double.parseDouble(v));
      }
      List<String> cols = new ArrayList<>();
      if (numeric) {
        java.util.Set<Double> distinct = new java.util.HashSet<>();
        for (Map.Entry<String, Map<String, String>> e : attributes.entrySet()) {
          double x = Double.parseDouble(e.getValue().get(name));
          distinct.add(x == 0 ? 0.0 : x);
          rows.get(e.getKey()).put(name, x);
        }
        if (distinct.size() < 2) {
          throw new IllegalArgumentException("the covariate " + name + " is " + levels.first() + " for every customer: "
              + "a constant's effect cannot be told from the model's scale parameters");
        }
        cols.add(name);
      } else {
        if (levels.size() < 2) {
          throw new IllegalArgumentException("the covariate " + name + " has the one level '" + levels.first()
              + "' for every customer: a constant's effect cannot be told from the model's scale parameters");
        }
        String reference = levels.first();
        references.put(name, reference);
        for (String level : levels.tailSet(reference, false)) {
          cols.add(name + "=" + level);
        }
        for (Map.Entry<String, Map<String, String>> e : attributes.entrySet()) {
          String v = e.getValue().get(name);
          for (String level : levels.tailSet(reference, false)) {
            rows.get(e.getKey()).put(name + "=" + level, v.equals(level) ? 1.0 : 0.0);
          }
        }
      }
      columnsOf.put(name, List.copyOf(cols));
    }
    rows.replaceAll((id, row) -> Collections.unmodifiableMap(row));
    return new Covariates(names, columnsOf, references, rows);
  }

  /**
   * Codes the named attributes of customers ({@link Customer#attributes()}).
   *
   * @param customers the customers, with distinct ids
   * @param names the covariates
   * @return the coded covariates
   * @throws IllegalArgumentException as for {@link #code}, or if two customers share an id
   */
  public static Covariates fromCustomers(Collection<Customer> customers, List<String> names) {
    Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
    for (Customer c : requireNonNull(customers, "customers")) {
      if (attributes.put(c.id(), c.attributes()) != null) {
        throw new IllegalArgumentException("customer " + c.id() + " is given twice");
      }
    }
    return code(names, attributes);
  }

  /**
   * Returns the covariates as named, in order.
   *
   * @return the names
   */
  public List<String> names() {
    return names;
  }

  /**
   * Returns every coded column, covariate by covariate.
   *
   * @return the column names
   */
  public List<String> columns() {
    return columns;
  }

  /**
   * Returns the coded columns of one covariate: its name if numeric, its dummies if categorical.
   *
   * @param name a covariate
   * @return its columns
   * @throws IllegalArgumentException if it is not one of {@link #names()}
   */
  public List<String> columns(String name) {
    List<String> c = columnsOf.get(requireNonNull(name, "name"));
    if (c == null) {
      throw new IllegalArgumentException("no covariate is named " + name + "; coded are " + names);
    }
    return c;
  }

  /**
   * Returns the reference level of each categorical covariate.
   *
   * @return reference levels by covariate name, in order
   */
  public Map<String, String> referenceLevels() {
    return references;
  }

  /**
   * Returns one customer's coded values.
   *
   * @param customer a customer id
   * @return the value of each column, or empty if the customer was not coded
   */
  public Optional<Map<String, Double>> of(String customer) {
    return Optional.ofNullable(rows.get(requireNonNull(customer, "customer")));
  }

  /**
   * Returns the customers coded, in the order given.
   *
   * @return their ids
   */
  public java.util.Set<String> customers() {
    return rows.keySet();
  }
}
