package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The element-wise snapshots the generated twins take of containers of async objects. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class TwinCollectionsTest {
  @Test
  void listIsAnUnmodifiableSnapshotInOrderKeepingNulls() {
    List<String> source = new ArrayList<>(Arrays.asList("a", null, "bb"));
    List<Integer> converted = TwinCollections.list(source, String::length);
    source.clear();
    assertEquals(Arrays.asList(1, null, 2), converted);
    assertThrows(UnsupportedOperationException.class, () -> converted.add(3));
  }

  @Test
  void setKeepsTheSourceOrder() {
    Set<String> source = new LinkedHashSet<>(List.of("ccc", "a", "bb"));
    Set<Integer> converted = TwinCollections.set(source, String::length);
    assertEquals(List.of(3, 1, 2), new ArrayList<>(converted));
    assertThrows(UnsupportedOperationException.class, () -> converted.remove(3));
  }

  @Test
  void optionalConvertsItsValue() {
    assertEquals(Optional.of(2), TwinCollections.optional(Optional.of("bb"), String::length));
    assertEquals(Optional.empty(), TwinCollections.optional(Optional.<String>empty(), String::length));
  }

  @Test
  void aMapWhoseKeysAreEqualByEqualsIsRefusedInsteadOfLosingAValue() {
    Map<String, String> identity = new IdentityHashMap<>();
    identity.put(new String("k"), "a");
    identity.put(new String("k"), "bb");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> TwinCollections.map(identity, String::length));
    assertTrue(refused.getMessage().contains("two keys of the map are equal by equals(): k"),
        refused.getMessage());
    assertEquals(2, identity.size(), "the source map is left as it was");
    try (EventLoop loop = EventLoop.create()) {
      assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(loop.createTask(
          () -> TwinCollections.mapWhenDone(loop.completedFuture(identity), String::length))));
    }
  }

  @Test
  void mapConvertsItsValuesKeepsKeysAndOrderAndNulls() {
    Map<String, String> source = new LinkedHashMap<>();
    source.put("z", "ccc");
    source.put("a", null);
    source.put("m", "b");
    Map<String, Integer> converted = TwinCollections.map(source, String::length);
    source.clear();
    assertEquals(List.of("z", "a", "m"), new ArrayList<>(converted.keySet()));
    assertEquals(Arrays.asList(3, null, 1), new ArrayList<>(converted.values()));
    assertThrows(UnsupportedOperationException.class, () -> converted.put("n", 0));
  }

  @Test
  void nullContainersStayNull() {
    assertNull(TwinCollections.list(null, String::length));
    assertNull(TwinCollections.set(null, String::length));
    assertNull(TwinCollections.optional(null, String::length));
    assertNull(TwinCollections.map(null, String::length));
  }

  @Test
  void whenDoneConvertsAForeignStageOnTheLoopThread() {
    try (EventLoop loop = EventLoop.create()) {
      CompletableFuture<List<String>> source = new CompletableFuture<>();
      List<String> convertedOn = new ArrayList<>();
      Thread completer = new Thread(() -> source.complete(List.of("a", "bb")), "completer");
      List<Integer> converted = loop.runUntilComplete(loop.createTask(() -> {
        Future<List<Integer>> result = TwinCollections.listWhenDone(source, text -> {
          convertedOn.add(Thread.currentThread().getName());
          return text.length();
        });
        completer.start();
        return result;
      }));
      assertEquals(List.of(1, 2), converted);
      assertEquals(List.of(Thread.currentThread().getName()), convertedOn.stream().distinct().toList());
    }
  }

  @Test
  void cancellingWhenDoneCancelsAForeignSource() {
    try (EventLoop loop = EventLoop.create()) {
      CompletableFuture<Set<String>> source = new CompletableFuture<>();
      Future<Set<Integer>> converted = loop.runUntilComplete(loop.createTask(
          () -> loop.completedFuture(TwinCollections.setWhenDone(source, String::length))));
      converted.toCompletableFuture().cancel(false);
      loop.runUntilComplete(converted.exceptionally(cancelled -> null));
      assertTrue(source.isCancelled(), "the foreign source was not cancelled");
    }
  }

  @Test
  void whenDoneKeepsTheLoopsOwnFutureAndNeedsARunningLoop() {
    try (EventLoop loop = EventLoop.create()) {
      Optional<Integer> converted = loop.runUntilComplete(loop.createTask(() ->
          TwinCollections.optionalWhenDone(loop.completedFuture(Optional.of("abc")), String::length)));
      assertEquals(Optional.of(3), converted);
      Map<String, Integer> lengths = loop.runUntilComplete(loop.createTask(() ->
          TwinCollections.mapWhenDone(loop.completedFuture(Map.of("k", "abcd")), String::length)));
      assertEquals(Map.of("k", 4), lengths);
    }
    assertThrows(IllegalStateException.class,
        () -> TwinCollections.listWhenDone(new CompletableFuture<List<String>>(), String::length));
  }

  @Test
  void aNullConversionIsRefusedEvenForEmptyContainers() {
    assertThrows(NullPointerException.class, () -> TwinCollections.list(List.<String>of(), null));
    assertThrows(NullPointerException.class, () -> TwinCollections.set(Set.<String>of(), null));
    assertThrows(NullPointerException.class,
        () -> TwinCollections.optional(Optional.<String>empty(), null));
    assertThrows(NullPointerException.class,
        () -> TwinCollections.map(Map.<String, String>of(), null));
  }
}
