package dev.syncopate.runtime.queue;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;

/** Where a queue keeps its items, and in which order they leave: asyncio's _put/_get. */
interface ItemStore<T> {
  void add(T item);

  T take();

  int size();

  void clear();

  static <T> ItemStore<T> fifo() {
    return new Deque<>(true);
  }

  static <T> ItemStore<T> lifo() {
    return new Deque<>(false);
  }

  static <T> ItemStore<T> priority(Comparator<? super T> order) {
    return new Heap<>(order);
  }

  /** First in first out, or last in first out. */
  final class Deque<T> implements ItemStore<T> {
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final boolean fifo;

    Deque(boolean fifo) {
      this.fifo = fifo;
    }

    @Override
    public void add(T item) {
      items.addLast(item);
    }

    @Override
    public T take() {
      return fifo ? items.pollFirst() : items.pollLast();
    }

    @Override
    public int size() {
      return items.size();
    }

    @Override
    public void clear() {
      items.clear();
    }
  }

  /** Smallest first; equal items leave in no defined order, as with asyncio's heapq. */
  final class Heap<T> implements ItemStore<T> {
    private final PriorityQueue<T> items;

    Heap(Comparator<? super T> order) {
      items = new PriorityQueue<>(order);
    }

    @Override
    public void add(T item) {
      items.add(item);
    }

    @Override
    public T take() {
      return items.poll();
    }

    @Override
    public int size() {
      return items.size();
    }

    @Override
    public void clear() {
      items.clear();
    }
  }
}
