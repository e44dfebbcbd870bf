package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
  void nullContainersStayNull() {
    assertNull(TwinCollections.list(null, String::length));
    assertNull(TwinCollections.set(null, String::length));
    assertNull(TwinCollections.optional(null, String::length));
  }

  @Test
  void aNullConversionIsRefusedEvenForEmptyContainers() {
    assertThrows(NullPointerException.class, () -> TwinCollections.list(List.<String>of(), null));
    assertThrows(NullPointerException.class, () -> TwinCollections.set(Set.<String>of(), null));
    assertThrows(NullPointerException.class,
        () -> TwinCollections.optional(Optional.<String>empty(), null));
  }
}
