package io.engagekit.core;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * A customer: an id, optionally the relationship type the company has with them and a segment, and
 * free-form attributes.
 *
 * <p>Customer ids are non-blank, at most 256 characters and free of control characters; they are
 * compared exactly (case and surrounding spaces matter). Attribute keys follow the same rules;
 * attribute values may be any string without control characters. Instances are immutable.
 * Touchpoints, survey responses and journeys refer to customers by id.
 *
 * @param id the customer id
 * @param relationship the customer-relationship type, if known
 * @param segment the segment the customer belongs to, if any
 * @param attributes free-form attributes, copied
 * @since 0.1
 */
public record Customer(
    String id,
    Optional<RelationshipType> relationship,
    Optional<String> segment,
    Map<String, String> attributes) {

  /**
   * Validates and copies the components.
   *
   * @param id see the class description
   * @param relationship see the class description
   * @param segment see the class description
   * @param attributes see the class description
   * @throws InvalidFieldException if the id, segment or an attribute is invalid
   * @throws NullPointerException if any component or attribute key or value is null
   */
  public Customer {
    checkId(requireNonNull(id, "id"));
    requireNonNull(relationship, "relationship");
    requireNonNull(segment, "segment").ifPresent(s -> Checks.id("segment", s));
    attributes = Map.copyOf(requireNonNull(attributes, "attributes"));
    attributes.forEach(
        (key, value) -> {
          Checks.id("attributes", key);
          if (!value.isEmpty()) {
            Checks.id("attributes." + key, value);
          }
        });
  }

  /**
   * Returns a customer with just an id.
   *
   * @param id the customer id
   * @return a customer with no relationship type, segment or attributes
   * @throws InvalidFieldException (field {@code customer}) if the id is invalid
   */
  public static Customer of(String id) {
    return new Customer(id, Optional.empty(), Optional.empty(), Map.of());
  }

  /**
   * Returns a copy with the given relationship type.
   *
   * @param type the relationship type
   * @return a new customer
   */
  public Customer withRelationship(RelationshipType type) {
    return new Customer(id, Optional.of(type), segment, attributes);
  }

  /**
   * Returns a copy with the given segment.
   *
   * @param name the segment, non-blank
   * @return a new customer
   */
  public Customer withSegment(String name) {
    return new Customer(id, relationship, Optional.of(name), attributes);
  }

  /**
   * Checks a customer id: non-blank, at most 256 characters, no control characters.
   *
   * @param id a candidate id
   * @return the id
   * @throws InvalidFieldException (field {@code customer}) if it is invalid
   * @throws NullPointerException if {@code id} is null
   */
  public static String checkId(String id) {
    return Checks.id("customer", requireNonNull(id, "id"));
  }
}
