package dev.syncopate.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents that a type or member may only be used on the thread of the event loop it belongs to.
 *
 * <p>Loop-confined entry points check the calling thread and throw {@link WrongThreadException},
 * whose message names the thread-safe alternative. See {@code package-info} for the whole model.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface LoopConfined {}
