package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ExceptionGroupTest {
  private final IllegalStateException state = new IllegalStateException("s");
  private final IllegalArgumentException argument = new IllegalArgumentException("a");
  private final IOException io = new IOException("io");
  private final ExceptionGroup nested = new ExceptionGroup("inner", List.of(argument, io));
  private final ExceptionGroup group = new ExceptionGroup("outer", List.of(state, nested));

  @Test
  void listsMembersAndCountsThemInTheMessage() {
    assertEquals(List.of(state, nested), group.exceptions());
    assertEquals("outer (2 sub-exceptions)", group.getMessage());
    assertEquals("outer", group.summary());
    assertEquals("inner (2 sub-exceptions)", nested.getMessage());
    assertEquals(List.of(state, nested), Arrays.asList(group.getSuppressed()),
        "members are printed with the stack trace");
    assertEquals("x (1 sub-exception)", new ExceptionGroup("x", List.of(io)).getMessage());
  }

  @Test
  void splitKeepsTheNesting() {
    ExceptionGroup.Split split = group.split(IllegalArgumentException.class);
    assertEquals(1, split.matching().exceptions().size());
    ExceptionGroup matchingNested = (ExceptionGroup) split.matching().exceptions().get(0);
    assertEquals(List.of(argument), matchingNested.exceptions());
    assertEquals("inner", matchingNested.summary());
    assertSame(state, split.rest().exceptions().get(0));
    ExceptionGroup restNested = (ExceptionGroup) split.rest().exceptions().get(1);
    assertEquals(List.of(io), restNested.exceptions());
  }

  @Test
  void aGroupThatIsAnInstanceOfTheTypeMatchesWhole() {
    // ExceptionGroup is a RuntimeException, as Python's is an Exception.
    ExceptionGroup.Split split = group.split(RuntimeException.class);
    assertSame(group, split.matching());
    assertNull(split.rest());
  }

  @Test
  void subgroupSelectsByTypeOrGivesNull() {
    ExceptionGroup io1 = group.subgroup(IOException.class);
    assertEquals(List.of(io), ((ExceptionGroup) io1.exceptions().get(0)).exceptions());
    assertNull(group.subgroup(ArithmeticException.class));
    assertSame(group, group.subgroup(Exception.class), "a group that matches is kept whole");
    assertSame(group, group.subgroup(ExceptionGroup.class));
    assertTrue(group.contains(IllegalArgumentException.class));
    assertFalse(group.contains(ArithmeticException.class));
    ExceptionGroup.Split all = group.split(ArithmeticException.class);
    assertNull(all.matching());
    assertSame(group, all.rest());
  }

  @Test
  void badInput() {
    assertThrows(IllegalArgumentException.class, () -> new ExceptionGroup("m", List.of()));
    assertThrows(NullPointerException.class, () -> new ExceptionGroup(null, List.of(io)));
    assertThrows(NullPointerException.class, () -> new ExceptionGroup("m", null));
    assertThrows(NullPointerException.class,
        () -> new ExceptionGroup("m", Arrays.asList(io, null)));
    assertThrows(NullPointerException.class, () -> group.split(null));
  }
}
