package io.engagekit.flink;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.io.EventCodec;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.alerts.FadingInterest;
import io.engagekit.scoring.models.RepeatPattern;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** The serializers of the values that flow between operators. */
final class Serializers {
  private Serializers() {}

  /** Touchpoints and survey answers, in {@link EventCodec}'s layout. */
  static final class Events extends ValueSerializer<EngagementEvent> {
    private static final long serialVersionUID = 1L;
    static final Events INSTANCE = new Events();

    @Override
    public void serialize(EngagementEvent record, DataOutputView target) throws IOException {
      EventCodec.write(record, target);
    }

    @Override
    public EngagementEvent deserialize(DataInputView source) throws IOException {
      return EventCodec.read(source);
    }

    @Override
    public Snapshot snapshotConfiguration() {
      return new Snapshot();
    }

    /** Restores {@link Events}. */
    public static final class Snapshot extends ValueSerializer.Snapshot<EngagementEvent> {
      /** Called by Flink on restore. */
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /** Score requests: the customer id and the instant. */
  static final class Requests extends ValueSerializer<ScoreRequest> {
    private static final long serialVersionUID = 1L;
    static final Requests INSTANCE = new Requests();

    @Override
    public void serialize(ScoreRequest record, DataOutputView target) throws IOException {
      target.writeUTF(record.customer());
      Codecs.writeInstant(target, record.asOf());
    }

    @Override
    public ScoreRequest deserialize(DataInputView source) throws IOException {
      String customer = source.readUTF();
      Instant asOf = Codecs.readInstant(source);
      try {
        return new ScoreRequest(customer, asOf);
      } catch (IllegalArgumentException e) {
        throw new IOException("invalid score request: " + e.getMessage(), e);
      }
    }

    @Override
    public Snapshot snapshotConfiguration() {
      return new Snapshot();
    }

    /** Restores {@link Requests}. */
    public static final class Snapshot extends ValueSerializer.Snapshot<ScoreRequest> {
      /** Called by Flink on restore. */
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /** Customer scores: id, instant, cause, event count, then each strategy's name and score. */
  static final class Scores extends ValueSerializer<CustomerScores> {
    private static final long serialVersionUID = 1L;
    static final Scores INSTANCE = new Scores();
    private static final CustomerScores.Cause[] CAUSES = CustomerScores.Cause.values();

    @Override
    public void serialize(CustomerScores record, DataOutputView target) throws IOException {
      target.writeUTF(record.customer());
      Codecs.writeInstant(target, record.asOf());
      target.writeByte(record.cause().ordinal());
      Codecs.writeVarLong(target, record.events());
      Codecs.writeVarLong(target, record.scores().size());
      for (Map.Entry<String, Score> e : record.scores().entrySet()) {
        target.writeUTF(e.getKey());
        Codecs.writeScore(target, e.getValue());
      }
    }

    @Override
    public CustomerScores deserialize(DataInputView source) throws IOException {
      String customer = source.readUTF();
      Instant asOf = Codecs.readInstant(source);
      int cause = source.readUnsignedByte();
      if (cause >= CAUSES.length) {
        throw new IOException("invalid customer scores: cause " + cause);
      }
      long events = Codecs.readVarLong(source);
      int n = Codecs.readVarInt(source, "strategy count");
      Map<String, Score> scores = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        scores.put(source.readUTF(), Codecs.readScore(source));
      }
      try {
        return new CustomerScores(customer, asOf, CAUSES[cause], events, scores);
      } catch (IllegalArgumentException e) {
        throw new IOException("invalid customer scores: " + e.getMessage(), e);
      }
    }

    @Override
    public Snapshot snapshotConfiguration() {
      return new Snapshot();
    }

    /** Restores {@link Scores}. */
    public static final class Snapshot extends ValueSerializer.Snapshot<CustomerScores> {
      /** Called by Flink on restore. */
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /** Fading-interest alerts. */
  static final class Alerts extends ValueSerializer<FadingInterest.Alert> {
    private static final long serialVersionUID = 1L;
    static final Alerts INSTANCE = new Alerts();
    private static final FadingInterest.Level[] LEVELS = FadingInterest.Level.values();
    private static final FadingInterest.Status[] STATUSES = FadingInterest.Status.values();

    @Override
    public void serialize(FadingInterest.Alert record, DataOutputView target) throws IOException {
      target.writeUTF(record.customer());
      target.writeUTF(record.strategy());
      Codecs.writeInstant(target, record.at());
      target.writeByte(record.level().ordinal());
      target.writeDouble(record.drop());
      Codecs.writeVarLong(target, record.fell().size());
      for (Contribution c : record.fell()) {
        target.writeUTF(c.name());
        target.writeDouble(c.value());
      }
      // Issue 23: status, stake and quiet days follow (alerts are records in flight, never keyed state).
      target.writeByte(record.status().ordinal());
      target.writeDouble(record.stake());
      target.writeDouble(record.quietDays());
    }

    @Override
    public FadingInterest.Alert deserialize(DataInputView source) throws IOException {
      String customer = source.readUTF();
      String strategy = source.readUTF();
      Instant at = Codecs.readInstant(source);
      int level = source.readUnsignedByte();
      if (level >= LEVELS.length) {
        throw new IOException("invalid alert: level " + level);
      }
      double drop = source.readDouble();
      int n = Codecs.readVarInt(source, "contribution count");
      List<Contribution> fell = new ArrayList<>(Math.min(n, 64));
      try {
        for (int i = 0; i < n; i++) {
          fell.add(new Contribution(source.readUTF(), source.readDouble()));
        }
        int status = source.readUnsignedByte();
        if (status >= STATUSES.length) {
          throw new IOException("invalid alert: status " + status);
        }
        return new FadingInterest.Alert(customer, strategy, at, LEVELS[level], drop, fell, STATUSES[status],
            source.readDouble(), source.readDouble());
      } catch (IllegalArgumentException e) {
        throw new IOException("invalid alert: " + e.getMessage(), e);
      }
    }

    @Override
    public Snapshot snapshotConfiguration() {
      return new Snapshot();
    }

    /** Restores {@link Alerts}. */
    public static final class Snapshot extends ValueSerializer.Snapshot<FadingInterest.Alert> {
      /** Called by Flink on restore. */
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /** Repeat patterns with their counts. */
  static final class Patterns extends ValueSerializer<RepeatPattern> {
    private static final long serialVersionUID = 1L;
    static final Patterns INSTANCE = new Patterns();

    @Override
    public void serialize(RepeatPattern record, DataOutputView target) throws IOException {
      Codecs.writeVarLong(target, record.x());
      target.writeDouble(record.tx());
      target.writeDouble(record.T());
      Codecs.writeVarLong(target, record.customers());
    }

    @Override
    public RepeatPattern deserialize(DataInputView source) throws IOException {
      long x = Codecs.readVarLong(source);
      double tx = source.readDouble();
      double bigT = source.readDouble();
      long customers = Codecs.readVarLong(source);
      try {
        return new RepeatPattern(x, tx, bigT, customers);
      } catch (IllegalArgumentException e) {
        throw new IOException("invalid repeat pattern: " + e.getMessage(), e);
      }
    }

    @Override
    public Snapshot snapshotConfiguration() {
      return new Snapshot();
    }

    /** Restores {@link Patterns}. */
    public static final class Snapshot extends ValueSerializer.Snapshot<RepeatPattern> {
      /** Called by Flink on restore. */
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /** Staged scores (the scores, then the population states) or a late event, after a tag byte. */
  static final class StagedRecords extends ValueSerializer<Staged> {
    private static final long serialVersionUID = 1L;
    static final StagedRecords INSTANCE = new StagedRecords();

    @Override
    public void serialize(Staged record, DataOutputView target) throws IOException {
      if (record.late() != null) {
        target.writeByte(1);
        EventCodec.write(record.late(), target);
      } else {
        target.writeByte(0);
        Scores.INSTANCE.serialize(java.util.Objects.requireNonNull(record.scores()), target);
        byte[] states = java.util.Objects.requireNonNull(record.states());
        Codecs.writeVarLong(target, states.length);
        target.write(states);
      }
    }

    @Override
    public Staged deserialize(DataInputView source) throws IOException {
      int tag = source.readUnsignedByte();
      if (tag == 1) {
        return Staged.late(EventCodec.read(source));
      }
      if (tag != 0) {
        throw new IOException("invalid staged record: tag " + tag);
      }
      CustomerScores scores = Scores.INSTANCE.deserialize(source);
      byte[] states = new byte[Codecs.readVarInt(source, "population state length")];
      source.readFully(states);
      return Staged.scores(scores, states);
    }

    @Override
    public Snapshot snapshotConfiguration() {
      return new Snapshot();
    }

    /** Restores {@link StagedRecords}. */
    public static final class Snapshot extends ValueSerializer.Snapshot<Staged> {
      /** Called by Flink on restore. */
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /** Population updates: the customer, the summary instant, the population states. */
  static final class PopulationUpdates extends ValueSerializer<PopulationUpdate> {
    private static final long serialVersionUID = 1L;
    static final PopulationUpdates INSTANCE = new PopulationUpdates();

    @Override
    public void serialize(PopulationUpdate record, DataOutputView target) throws IOException {
      target.writeUTF(record.customer());
      target.writeLong(record.at());
      Codecs.writeVarLong(target, record.states().length);
      target.write(record.states());
    }

    @Override
    public PopulationUpdate deserialize(DataInputView source) throws IOException {
      String customer = source.readUTF();
      long at = source.readLong();
      byte[] states = new byte[Codecs.readVarInt(source, "population state length")];
      source.readFully(states);
      return new PopulationUpdate(customer, at, states);
    }

    @Override
    public Snapshot snapshotConfiguration() {
      return new Snapshot();
    }

    /** Restores {@link PopulationUpdates}. */
    public static final class Snapshot extends ValueSerializer.Snapshot<PopulationUpdate> {
      /** Called by Flink on restore. */
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }
}
