package io.engagekit.core.testing;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The import graph between source files, built from class files: one node per top-level class
 * (nested classes are their file), an edge wherever a class in one package uses a class of
 * EngageKit in another (what an import is; classes of one package need none). The architecture
 * tests of every module assert that it has no loop.
 */
public final class ImportGraph {
  private ImportGraph() {}

  /**
   * Returns the loops of the import graph among the given classes: each a set of files (top-level
   * class names) that import one another in a cycle, sorted; empty if there is none.
   *
   * @param classes the classes to look at (dependencies to other classes are ignored)
   * @return the loops
   */
  public static List<Set<String>> loops(JavaClasses classes) {
    Map<String, Set<String>> edges = new TreeMap<>();
    Set<String> files = new HashSet<>();
    for (JavaClass c : classes) {
      files.add(file(c));
    }
    for (JavaClass c : classes) {
      String from = file(c);
      Set<String> out = edges.computeIfAbsent(from, k -> new TreeSet<>());
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String to = file(d.getTargetClass());
        if (files.contains(to) && !to.equals(from) && !packageOf(to).equals(packageOf(from))) {
          out.add(to);
        }
      }
    }
    return stronglyConnected(edges);
  }

  /**
   * Returns the main source files under a module's {@code src/main/java} longer than a limit, each
   * with its length: docs/ARCHITECTURE.md keeps every file to 450 lines, split along its seams.
   *
   * @param module the module's directory (a test's working directory)
   * @param maxLines the most lines a file may have
   * @return each longer file (relative to {@code src/main/java}) with its line count
   * @throws IOException if the sources cannot be read
   */
  public static Map<String, Long> longerThan(Path module, int maxLines) throws IOException {
    Path root = module.resolve("src/main/java");
    List<Path> sources;
    try (Stream<Path> files = Files.walk(root)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).toList();
    }
    Map<String, Long> out = new TreeMap<>();
    for (Path f : sources) {
      long lines = Files.readAllLines(f).size();
      if (lines > maxLines) {
        out.put(root.relativize(f).toString(), lines);
      }
    }
    if (sources.isEmpty()) {
      throw new IOException("no sources under " + root.toAbsolutePath());
    }
    return out;
  }

  private static String file(JavaClass c) {
    JavaClass top = c;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top.getName();
  }

  private static String packageOf(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }

  /** Tarjan's algorithm, iterative; components of more than one file. */
  private static List<Set<String>> stronglyConnected(Map<String, Set<String>> edges) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    List<Set<String>> loops = new ArrayList<>();
    int[] counter = {0};
    for (String root : edges.keySet()) {
      if (index.containsKey(root)) {
        continue;
      }
      Deque<Object[]> work = new ArrayDeque<>();
      work.push(new Object[] {root, new ArrayList<>(edges.getOrDefault(root, Set.of())).iterator()});
      index.put(root, counter[0]);
      low.put(root, counter[0]++);
      stack.push(root);
      onStack.add(root);
      while (!work.isEmpty()) {
        Object[] frame = work.peek();
        String v = (String) frame[0];
        @SuppressWarnings("unchecked")
        java.util.Iterator<String> it = (java.util.Iterator<String>) frame[1];
        if (it.hasNext()) {
          String w = it.next();
          if (!index.containsKey(w)) {
            index.put(w, counter[0]);
            low.put(w, counter[0]++);
            stack.push(w);
            onStack.add(w);
            work.push(new Object[] {w, new ArrayList<>(edges.getOrDefault(w, Set.of())).iterator()});
          } else if (onStack.contains(w)) {
            low.put(v, Math.min(low.get(v), index.get(w)));
          }
        } else {
          work.pop();
          if (!work.isEmpty()) {
            String parent = (String) work.peek()[0];
            low.put(parent, Math.min(low.get(parent), low.get(v)));
          }
          if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
              w = stack.pop();
              onStack.remove(w);
              component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
              loops.add(component);
            }
          }
        }
      }
    }
    return loops;
  }
}
