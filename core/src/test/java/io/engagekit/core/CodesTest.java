package io.engagekit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Enumerated codes, open code sets and the building blocks. */
final class CodesTest {
  @Test
  void enumCodes_roundTrip() {
    for (RelationshipType t : RelationshipType.values()) {
      assertSame(t, RelationshipType.fromCode(t.code()));
    }
    for (TouchpointKind k : TouchpointKind.values()) {
      assertSame(k, TouchpointKind.fromCode(k.code()));
    }
    for (Cadence c : Cadence.values()) {
      assertSame(c, Cadence.fromCode(c.code()));
    }
    for (JourneyOutcome o : JourneyOutcome.values()) {
      assertSame(o, JourneyOutcome.fromCode(o.code()));
    }
    for (SurveyMetric m : SurveyMetric.values()) {
      assertSame(m, SurveyMetric.fromCode(m.code()));
    }
    for (Initiator i : Initiator.values()) {
      assertSame(i, Initiator.fromCode(i.code()));
    }
    assertEquals("dedicated_personal_assistance", RelationshipType.DEDICATED_PERSONAL_ASSISTANCE.code());
    assertEquals("community_post", TouchpointKind.COMMUNITY_POST.code());
    assertEquals("ad_hoc", Cadence.AD_HOC.code());
  }

  @Test
  void enumCodes_unknownOrWrongCase_isRejectedListingTheCodes() {
    InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> Cadence.fromCode("AD_HOC"));
    assertEquals("cadence", e.field());
    assertEquals("cadence must be one of [ad_hoc, scheduled, continuous] but was 'AD_HOC'", e.getMessage());
    assertEquals("kind", assertThrows(InvalidFieldException.class, () -> TouchpointKind.fromCode("")).field());
  }

  @Test
  void relationshipTypes_areTheSixOfTheCanvas() {
    assertEquals(6, RelationshipType.values().length);
  }

  @Test
  void channel_builtIns_areInterned() {
    assertSame(Channel.FACE_TO_FACE, Channel.of("face_to_face"));
    assertEquals(11, Channel.builtIns().size());
    assertTrue(Channel.WEB.isBuiltIn());
    assertEquals("face_to_face", Channel.FACE_TO_FACE.toString());
  }

  @Test
  void channel_userDefined_isEqualByCode() {
    Channel a = Channel.of("whatsapp");
    Channel b = Channel.of("whatsapp");
    assertNotSame(a, b);
    assertFalse(a.isBuiltIn());
    new EqualsTester()
        .addEqualityGroup(a, b)
        .addEqualityGroup(Channel.WEB, Channel.of("web"))
        .addEqualityGroup(ContentType.of("whatsapp"))
        .testEquals();
    assertTrue(Channel.of("a").compareTo(Channel.of("b")) < 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Web", "-web", "_x", "two words", "tab\t", "ü", "a/b"})
  void openCodes_invalidTokens_areRejected(String bad) {
    assertEquals("channel", assertThrows(InvalidFieldException.class, () -> Channel.of(bad)).field());
    assertEquals("content_type", assertThrows(InvalidFieldException.class, () -> ContentType.of(bad)).field());
  }

  @Test
  void openCodes_lengthLimit_is64() {
    assertEquals(64, Channel.of("x".repeat(64)).code().length());
    assertThrows(InvalidFieldException.class, () -> Channel.of("x".repeat(65)));
  }

  @Test
  void contentTypes_builtIns() {
    assertEquals(
        List.of(ContentType.IN_HOUSE, ContentType.USER_GENERATED, ContentType.NEWS, ContentType.ANALYTICAL),
        ContentType.builtIns());
    assertSame(ContentType.USER_GENERATED, ContentType.of("user_generated"));
  }

  @Test
  void buildingBlocks_areNineInThreeGroups() {
    assertEquals(
        List.of(BuildingBlock.CULTURE, BuildingBlock.COMMUNITY, BuildingBlock.CREDIBILITY),
        BuildingBlock.Group.WHY.blocks());
    assertEquals(
        List.of(BuildingBlock.CHANNEL, BuildingBlock.CONTENT, BuildingBlock.CADENCE),
        BuildingBlock.Group.HOW.blocks());
    assertEquals(
        List.of(BuildingBlock.CONTEXT, BuildingBlock.CATALYST, BuildingBlock.CURRENCIES),
        BuildingBlock.Group.WHEN.blocks());
    assertSame(BuildingBlock.CURRENCIES, BuildingBlock.fromCode("currencies"));
    assertEquals("when", BuildingBlock.CATALYST.group().code());
  }

  @Test
  void surveyMetrics_haveTheirScales() {
    assertTrue(SurveyMetric.CSAT.contains(1) && SurveyMetric.CSAT.contains(5) && !SurveyMetric.CSAT.contains(0));
    assertTrue(SurveyMetric.NPS.contains(0) && SurveyMetric.NPS.contains(10) && !SurveyMetric.NPS.contains(11));
    assertTrue(SurveyMetric.CES.contains(7) && !SurveyMetric.CES.contains(8));
  }
}
