#!/usr/bin/env python3
"""Issue 2's event-loop workloads on CPython's asyncio, for the peer figures in
docs/performance.md. Same shapes as dev.syncopate.bench.EventLoopBenchmark:

  W1  1,000,000 trivial callbacks scheduled from inside the loop (callbacks/s)
  W2  100,000 tasks that yield once (await asyncio.sleep(0)), awaited together by a done
      callback per task sharing one counter (tasks/s)
  W4  200,000 timers with random delays in [0, 100 ms]: scheduling rate (timers/s), and whether
      they fire in deadline order
  footprint: bytes per pending task (100,000 tasks suspended in their yield at once), measured
      with tracemalloc, as in PendingTaskFootprint

Usage: python3 bench/python/asyncio_bench.py [repetitions]   (default 7; medians are printed)
"""

import asyncio
import gc
import random
import statistics
import sys
import time
import tracemalloc

CALLBACKS = 1_000_000
TASKS = 100_000
TIMERS = 200_000
MAX_DELAY = 0.100


class Countdown:
    """Counts down on the loop and resolves a future at zero (the trivial callback)."""

    def __init__(self, count, done):
        self.left = count
        self.done = done

    def __call__(self, *ignored):
        self.left -= 1
        if self.left == 0:
            self.done.set_result(None)


async def w1_callbacks():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    countdown = Countdown(CALLBACKS, done)
    start = time.perf_counter()
    for _ in range(CALLBACKS):
        loop.call_soon(countdown)
    await done
    return CALLBACKS / (time.perf_counter() - start)


async def yield_once():
    await asyncio.sleep(0)


def spawn_yielding_tasks(loop, count, done):
    countdown = Countdown(count, done)
    for _ in range(count):
        loop.create_task(yield_once()).add_done_callback(countdown)


async def w2_tasks():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    start = time.perf_counter()
    spawn_yielding_tasks(loop, TASKS, done)
    await done
    return TASKS / (time.perf_counter() - start)


async def w4_timers(delays):
    """Returns (timers scheduled per second, certain deadline inversions)."""
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    fired = []
    countdown = Countdown(TIMERS, done)

    def timer(index):
        fired.append(index)
        countdown()

    handles = [None] * TIMERS
    start = time.perf_counter()
    for index in range(TIMERS):
        handles[index] = loop.call_later(delays[index], timer, index)
    rate = TIMERS / (time.perf_counter() - start)
    await done
    # TimerHandle.when() is the exact deadline call_later computed.
    deadlines = [handles[index].when() for index in fired]
    inversions = sum(1 for a, b in zip(deadlines, deadlines[1:]) if b < a)
    return rate, inversions


async def footprint():
    """Bytes per pending task: tasks created, started and suspended in their yield."""
    loop = asyncio.get_running_loop()
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        suspended = loop.create_future()
        done = loop.create_future()
        spawn_yielding_tasks(loop, TASKS, done)

        def barrier():
            # Every task has run its first step and yielded; its wake-up is queued behind us.
            gc.collect()
            suspended.set_result(tracemalloc.get_traced_memory()[0])

        loop.call_soon(barrier)
        after = await suspended
        await done
        return (after - before) / TASKS
    finally:
        tracemalloc.stop()


def main():
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    if repetitions < 1:
        sys.exit("repetitions must be at least 1, got %d" % repetitions)
    rng = random.Random(2)
    delays = [rng.uniform(0.0, MAX_DELAY) for _ in range(TIMERS)]
    results = {"w1": [], "w2": [], "w4": [], "inversions": [], "bytes": []}
    for _ in range(repetitions + 1):  # the first round is a warm-up and is dropped
        rates = {
            "w1": asyncio.run(w1_callbacks()),
            "w2": asyncio.run(w2_tasks()),
        }
        rates["w4"], rates["inversions"] = asyncio.run(w4_timers(delays))
        rates["bytes"] = asyncio.run(footprint())
        for key, value in rates.items():
            results[key].append(value)
    for values in results.values():
        del values[0]
    print("asyncio on CPython %s, %d repetitions (+1 warm-up), medians:" % (
        sys.version.split()[0], repetitions))
    print("  W1 callbacks/s      %12.0f  (min %.0f, max %.0f)" % (
        statistics.median(results["w1"]), min(results["w1"]), max(results["w1"])))
    print("  W2 tasks/s          %12.0f  (min %.0f, max %.0f)" % (
        statistics.median(results["w2"]), min(results["w2"]), max(results["w2"])))
    print("  W4 timers/s         %12.0f  (min %.0f, max %.0f)" % (
        statistics.median(results["w4"]), min(results["w4"]), max(results["w4"])))
    print("  W4 deadline order   %s (inversions per round: %s)" % (
        "in order" if max(results["inversions"]) == 0 else "OUT OF ORDER", results["inversions"]))
    print("  bytes/pending task  %12.1f  (min %.1f, max %.1f)" % (
        statistics.median(results["bytes"]), min(results["bytes"]), max(results["bytes"])))


if __name__ == "__main__":
    main()
