package dev.syncopate.runtime;

import java.util.Arrays;

/**
 * A binary min-heap of timers ordered by (deadline, sequence), with O(log n) removal.
 *
 * <p>Each timer remembers its index, so a cancelled timer leaves at once instead of lingering
 * until its deadline (asyncio keeps cancelled timers until a clean-up pass; Netty removes them).
 */
final class TimerHeap {
  private TimerHandle[] heap = new TimerHandle[64];
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  TimerHandle peek() {
    return size == 0 ? null : heap[0];
  }

  void add(TimerHandle timer) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    siftUp(size++, timer);
  }

  TimerHandle poll() {
    TimerHandle first = heap[0];
    removeAt(0);
    return first;
  }

  void remove(TimerHandle timer) {
    int index = timer.heapIndex;
    if (index >= 0 && index < size && heap[index] == timer) {
      removeAt(index);
    }
  }

  void clear() {
    for (int i = 0; i < size; i++) {
      heap[i].heapIndex = -1;
      heap[i] = null;
    }
    size = 0;
  }

  private void removeAt(int index) {
    TimerHandle removed = heap[index];
    removed.heapIndex = -1;
    TimerHandle last = heap[--size];
    heap[size] = null;
    if (index < size) {
      siftDown(index, last);
      if (heap[index] == last) {
        siftUp(index, last);
      }
    }
  }

  private void siftUp(int index, TimerHandle timer) {
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      TimerHandle above = heap[parent];
      if (!before(timer, above)) {
        break;
      }
      place(index, above);
      index = parent;
    }
    place(index, timer);
  }

  private void siftDown(int index, TimerHandle timer) {
    int half = size >>> 1;
    while (index < half) {
      int child = 2 * index + 1;
      int right = child + 1;
      if (right < size && before(heap[right], heap[child])) {
        child = right;
      }
      if (!before(heap[child], timer)) {
        break;
      }
      place(index, heap[child]);
      index = child;
    }
    place(index, timer);
  }

  private void place(int index, TimerHandle timer) {
    heap[index] = timer;
    timer.heapIndex = index;
  }

  private static boolean before(TimerHandle a, TimerHandle b) {
    // Overflow-safe comparison of nanosecond deadlines, as System.nanoTime's contract requires.
    long difference = a.deadline - b.deadline;
    return difference < 0 || (difference == 0 && a.sequence < b.sequence);
  }
}
