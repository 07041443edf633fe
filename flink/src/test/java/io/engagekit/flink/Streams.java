package io.engagekit.flink;

import io.engagekit.core.EngagementEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Test sources over in-memory events: a checkpointable, parallel {@link DataGeneratorSource} whose
 * n-th record is the n-th event of a list held in this JVM (the MiniCluster runs in it), so a job
 * restored from a savepoint resumes at the exact record where it stopped.
 */
final class Streams {
  private static final Map<String, List<EngagementEvent>> EVENTS = new ConcurrentHashMap<>();

  private Streams() {}

  /** Events in time order (ties in list order): how a stream arrives when nothing is late. */
  static List<EngagementEvent> inTimeOrder(List<EngagementEvent> events) {
    return events.stream().sorted(Comparator.comparing(EngagementEvent::at)).toList();
  }

  /**
   * A source of the events, read by {@code parallelism} readers (each a contiguous part of the list),
   * with watermarks trailing by {@code outOfOrderness}; {@code perSecond > 0} limits its rate.
   */
  static DataStream<EngagementEvent> source(StreamExecutionEnvironment env, List<EngagementEvent> events,
      int parallelism, Duration outOfOrderness, double perSecond) {
    return source(env, register(events), events.size(), parallelism, outOfOrderness, perSecond);
  }

  /** A source of the events with a watermark after every event: {@code instant - 1 ms}, so nothing waits. */
  static DataStream<EngagementEvent> punctuated(StreamExecutionEnvironment env, List<EngagementEvent> events) {
    String key = register(events);
    DataGeneratorSource<EngagementEvent> source = new DataGeneratorSource<>(new FromList(key), events.size(),
        RateLimiterStrategy.noOp(), EngageKitTypes.events());
    WatermarkStrategy<EngagementEvent> watermarks = WatermarkStrategy.<EngagementEvent>forGenerator(
        ctx -> new WatermarkGenerator<>() {
          @Override
          public void onEvent(EngagementEvent e, long timestamp, WatermarkOutput output) {
            output.emitWatermark(new Watermark(timestamp - 1));
          }

          @Override
          public void onPeriodicEmit(WatermarkOutput output) {}
        }).withTimestampAssigner((e, previous) -> e.at().toEpochMilli());
    return env.fromSource(source, watermarks, "events").setParallelism(1);
  }

  /** A source of events registered before under a key (a resumed job reads the same list). */
  static DataStream<EngagementEvent> source(StreamExecutionEnvironment env, String key, int count, int parallelism,
      Duration outOfOrderness, double perSecond) {
    DataGeneratorSource<EngagementEvent> source = new DataGeneratorSource<>(new FromList(key), count,
        perSecond > 0 ? RateLimiterStrategy.perSecond(perSecond) : RateLimiterStrategy.noOp(),
        EngageKitTypes.events());
    WatermarkStrategy<EngagementEvent> watermarks = FlinkScoring.watermarks(outOfOrderness);
    return env.fromSource(source, watermarks, "events").uid("events").setParallelism(parallelism);
  }

  /** Runs the job and returns everything the stream emits. */
  static <T> List<T> collect(DataStream<T> stream) throws Exception {
    List<T> all = new ArrayList<>();
    CloseableIterator<T> it = stream.executeAndCollect();
    try {
      it.forEachRemaining(all::add);
    } finally {
      it.close();
    }
    return all;
  }

  /** Registers events under a key for the sources. */
  static String register(List<EngagementEvent> events) {
    String key = UUID.randomUUID().toString();
    EVENTS.put(key, List.copyOf(events));
    return key;
  }

  /** What {@link ToQueue} sinks have received, by key. */
  static final Map<String, Queue<Object>> OUT = new ConcurrentHashMap<>();

  /** Returns a new key with an empty queue for {@link ToQueue}. */
  static String queue() {
    String key = UUID.randomUUID().toString();
    OUT.put(key, new ConcurrentLinkedQueue<>());
    return key;
  }

  /** Appends every record to a queue of this JVM (the MiniCluster runs in it). */
  static final class ToQueue<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private final String key;

    ToQueue(String key) {
      this.key = key;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(T element, Context ctx) {
          OUT.get(key).add(element);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }

  /** The n-th event of a registered list. */
  private static final class FromList implements GeneratorFunction<Long, EngagementEvent> {
    private static final long serialVersionUID = 1L;
    private final String key;

    FromList(String key) {
      this.key = key;
    }

    @Override
    public EngagementEvent map(Long index) {
      return EVENTS.get(key).get(Math.toIntExact(index));
    }
  }
}
