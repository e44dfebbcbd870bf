package dev.syncopate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import dev.syncopate.runtime.AsyncCallable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every name the processor emits resolves against the real runtime, with the expected shape. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class RuntimeNamesTest {
  private static Class<?> load(ClassName name) throws ClassNotFoundException {
    return Class.forName(name.reflectionName());
  }

  @Test
  void classesResolve() throws Exception {
    for (ClassName name : new ClassName[] {RuntimeNames.LOOP_BRIDGE, RuntimeNames.ASYNC_SEQUENCE,
        RuntimeNames.CLOSEABLE_ITERATOR, RuntimeNames.ASYNC_CLOSEABLE,
        RuntimeNames.BLOCKING_ON_LOOP_THREAD, RuntimeNames.BRIDGE_INTERRUPTED,
        RuntimeNames.TIMEOUT_ERROR, RuntimeNames.LOOP_CLOSED, RuntimeNames.TWIN_COLLECTIONS}) {
      assertEquals(RuntimeNames.PACKAGE, load(name).getPackageName(), name.toString());
    }
    assertTrue(RuntimeException.class.isAssignableFrom(load(RuntimeNames.TIMEOUT_ERROR)));
    assertTrue(RuntimeException.class.isAssignableFrom(load(RuntimeNames.BRIDGE_INTERRUPTED)));
    assertTrue(AutoCloseable.class.isAssignableFrom(load(RuntimeNames.CLOSEABLE_ITERATOR)));
  }

  @Test
  void annotationsAndAttributesResolve() throws Exception {
    Class<?> async = Class.forName(RuntimeNames.ASYNC);
    assertTrue(async.isAnnotation());
    assertEquals(String.class, async.getMethod(RuntimeNames.ASYNC_BLOCKING_NAME).getReturnType());
    assertEquals(String.class, async.getMethod(RuntimeNames.ASYNC_TIMEOUT_ATTRIBUTE).getReturnType());
    Class<?> timeout = Class.forName(
        RuntimeNames.PACKAGE + ".Async$" + RuntimeNames.ASYNC_TIMEOUT.substring(RuntimeNames.ASYNC.length() + 1));
    assertTrue(Annotation.class.isAssignableFrom(timeout));
    assertEquals(timeout.getCanonicalName(), RuntimeNames.ASYNC_TIMEOUT);
    assertEquals(String.class, timeout.getMethod(RuntimeNames.TIMEOUT_VALUE).getReturnType());
  }

  @Test
  void bridgeMethodsTheTwinsCallExist() throws Exception {
    Class<?> bridge = load(RuntimeNames.LOOP_BRIDGE);
    Method shared = bridge.getMethod(RuntimeNames.BRIDGE_SHARED);
    assertTrue(Modifier.isStatic(shared.getModifiers()));
    assertEquals(bridge, shared.getReturnType());
    assertEquals(Object.class, bridge.getMethod(RuntimeNames.BRIDGE_CALL, AsyncCallable.class)
        .getReturnType());
    assertEquals(Object.class, bridge.getMethod(RuntimeNames.BRIDGE_CALL, AsyncCallable.class,
        Duration.class).getReturnType());
    assertEquals(Object.class, bridge.getMethod(RuntimeNames.BRIDGE_INVOKE, Callable.class)
        .getReturnType());
    assertEquals(load(RuntimeNames.CLOSEABLE_ITERATOR),
        bridge.getMethod(RuntimeNames.BRIDGE_ITERATE, Callable.class).getReturnType());
    load(RuntimeNames.ASYNC_CLOSEABLE).getMethod(RuntimeNames.CLOSE_ASYNC);
    assertEquals(load(RuntimeNames.CLOSEABLE_ITERATOR), load(RuntimeNames.CLOSEABLE_ITERATOR)
        .getMethod(RuntimeNames.ITERATOR_MAP, Function.class).getReturnType());
  }

  @Test
  void containerConvertersTheTwinsCallExist() throws Exception {
    Class<?> collections = load(RuntimeNames.TWIN_COLLECTIONS);
    Map<TwinModel.Container, Class<?>> types = Map.of(TwinModel.Container.LIST, List.class,
        TwinModel.Container.SET, Set.class, TwinModel.Container.OPTIONAL, Optional.class,
        TwinModel.Container.MAP, Map.class);
    for (TwinModel.Container container : TwinModel.Container.values()) {
      Class<?> type = types.get(container);
      Method now = collections.getMethod(container.converter, type, Function.class);
      assertTrue(Modifier.isStatic(now.getModifiers()), container.converter);
      assertEquals(type, now.getReturnType(), container.converter);
      Method whenDone =
          collections.getMethod(container.converterWhenDone, CompletionStage.class, Function.class);
      assertTrue(Modifier.isStatic(whenDone.getModifiers()), container.converterWhenDone);
      assertTrue(CompletionStage.class.isAssignableFrom(whenDone.getReturnType()),
          container.converterWhenDone);
    }
  }
}
