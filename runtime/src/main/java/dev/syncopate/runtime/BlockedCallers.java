package dev.syncopate.runtime;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The blocking bridge calls in flight on one {@link BridgeCore}, so that the bridge's end can
 * release every blocked caller, at the cost of two writes to a field of the caller's own per
 * call.
 *
 * <p>A thread blocks in at most one bridge call at a time, so each thread that calls through the
 * bridge gets one {@link Slot} (a thread-local), registered here once; a call writes itself into
 * its thread's slot before it checks whether the bridge has ended, and the caller clears the slot
 * when it resumes. No shared structure of the registry is written per call, and the loop thread
 * touches no registry at all (a concurrent set, added to by the caller and removed from by the
 * loop, cost 12% of the callers' time and a fifth of the loop's with 64 callers). A slot whose thread has died is
 * dropped from the registry after the garbage collector has cleared it (weakly held); until
 * then it holds no call.
 *
 * <p>Release ordering: the caller writes the slot (volatile) and then reads the bridge's ended
 * state; the ending writes that state and then reads the slots. One of the two sees the other:
 * either the caller fails at once, or the ending finds its call. A slot may still show a call
 * that has just completed; releasing it again does nothing (a call completes once). A caller
 * that gave up (interrupted, and its call not settled within the grace) clears its slot: the
 * call is then no longer released or cancelled by the bridge's end, which no caller waits for.
 *
 * <p><b>Threading:</b> thread-safe; {@link #slot()} returns the calling thread's own slot.
 */
final class BlockedCallers {
  /** One thread's current blocking call on this bridge, or null. */
  static final class Slot {
    private volatile BridgeCall<?> call;

    /** Installs {@code next} (null: none); returns the call it replaces, to be put back. */
    BridgeCall<?> swap(BridgeCall<?> next) {
      BridgeCall<?> previous = call;
      call = next;
      return previous;
    }
  }

  private static final class SlotRef extends WeakReference<Slot> {
    SlotRef(Slot slot, ReferenceQueue<Slot> queue) {
      super(slot, queue);
    }
  }

  private final Set<SlotRef> slots = ConcurrentHashMap.newKeySet();
  private final ReferenceQueue<Slot> collected = new ReferenceQueue<>();
  private final ThreadLocal<Slot> ofThread = ThreadLocal.withInitial(this::register);

  /** The calling thread's slot, registered on its first call. */
  Slot slot() {
    return ofThread.get();
  }

  private Slot register() {
    Reference<? extends Slot> dead;
    while ((dead = collected.poll()) != null) {
      slots.remove(dead);
    }
    Slot slot = new Slot();
    slots.add(new SlotRef(slot, collected));
    return slot;
  }

  /** Adds every call that a slot currently shows to {@code into}. */
  void collectCalls(List<? super BridgeCall<?>> into) {
    for (SlotRef ref : slots) {
      Slot slot = ref.get();
      BridgeCall<?> call = slot == null ? null : slot.call;
      if (call != null) {
        into.add(call);
      }
    }
  }

  /** How many threads have a registered slot; for tests. */
  int registeredSlots() {
    return slots.size();
  }
}
