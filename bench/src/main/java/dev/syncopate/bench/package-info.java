/**
 * JMH benchmarks of Syncopate against its peers, one class per benchmark family, plus small
 * {@code main} programs for what JMH does not measure (heap footprint, timer order).
 *
 * <p><b>Threading:</b> each benchmark documents which thread runs what; loop-confined calls are
 * always made on the loop under test.
 */
package dev.syncopate.bench;
