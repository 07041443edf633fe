package io.engagekit.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The nine building blocks of engagement (R. "Ray" Wang, 2012), in their three groups. Strategies
 * report the contributions to a score against these blocks.
 *
 * @since 0.1
 */
public enum BuildingBlock {
  /** Shared values and identity between customer and company. */
  CULTURE(Group.WHY),
  /** Belonging to a group of customers, peers or advocates. */
  COMMUNITY(Group.WHY),
  /** Trust earned through delivered promises, reviews and reputation. */
  CREDIBILITY(Group.WHY),
  /** Where the interaction happens: face-to-face, web, mobile, social, … */
  CHANNEL(Group.HOW),
  /** What is exchanged: in-house, user-generated, news or analytical content. */
  CONTENT(Group.HOW),
  /** How often the company reaches out: ad hoc, scheduled or continuous. */
  CADENCE(Group.HOW),
  /** The customer's situation at the moment of interaction. */
  CONTEXT(Group.WHEN),
  /** The trigger that prompts an interaction now. */
  CATALYST(Group.WHEN),
  /** What the customer values in exchange: money, time, attention, status. */
  CURRENCIES(Group.WHEN);

  /** The three groups of building blocks. */
  public enum Group {
    /** People-centric values: why customers engage. */
    WHY,
    /** Delivery and communication style: how they engage. */
    HOW,
    /** Right-time drivers: when they engage. */
    WHEN;

    /**
     * Returns the building blocks of this group, in declaration order.
     *
     * @return three building blocks
     */
    public List<BuildingBlock> blocks() {
      List<BuildingBlock> blocks = new ArrayList<>(3);
      for (BuildingBlock block : BuildingBlock.values()) {
        if (block.group == this) {
          blocks.add(block);
        }
      }
      return List.copyOf(blocks);
    }

    /**
     * Returns this group's lower-case code.
     *
     * @return {@code why}, {@code how} or {@code when}
     */
    public String code() {
      return Checks.code(this);
    }
  }

  private final Group group;

  BuildingBlock(Group group) {
    this.group = group;
  }

  /**
   * Returns the group this block belongs to.
   *
   * @return why, how or when
   */
  public Group group() {
    return group;
  }

  /**
   * Returns this block's lower-case code.
   *
   * @return the code, such as {@code culture}
   */
  public String code() {
    return Checks.code(this);
  }

  /**
   * Returns the block with the given code.
   *
   * @param code a lower-case code, such as {@code culture}
   * @return the block
   * @throws InvalidFieldException (field {@code block}) if no block has that code
   * @throws NullPointerException if {@code code} is null
   */
  public static BuildingBlock fromCode(String code) {
    return Checks.fromCode("block", BuildingBlock.class, requireNonNull(code, "code"));
  }
}
