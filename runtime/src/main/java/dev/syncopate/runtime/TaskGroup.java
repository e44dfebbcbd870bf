package dev.syncopate.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Structured concurrency for tasks: asyncio's {@code TaskGroup}.
 *
 * <p>Enter a new group once with {@link #run(AsyncCallable)} — the composition-style {@code async
 * with} — and start children with {@link #createTask(AsyncCallable)} from the body or from the
 * children. The group's future completes only when the body's stage and every child are done.
 *
 * <h2>Semantics (asyncio 3.11+)</h2>
 *
 * <ul>
 *   <li><b>Waits for all children.</b> The future completes with the body's value once the body
 *       and all children are done, and no child failed.
 *   <li><b>The first failure cancels the rest.</b> When a child fails (with anything but a
 *       cancellation), the group cancels every other child, and cancels the parent task (the
 *       task that called {@code run}) once, so the body stops at what it waits on.
 *   <li><b>All failures together.</b> The group then fails with an {@link ExceptionGroup} of every
 *       child failure, in order, followed by the body's own failure if it was not a cancellation.
 *       Child errors win over cancellation: the group's future fails with the {@code
 *       ExceptionGroup}, not a {@link CancelledError}.
 *   <li><b>Its own cancellation is withdrawn.</b> On exit the group calls {@link
 *       Task#uncancel()} for the request it made, so {@code cancelling()} is back to what it was.
 *   <li><b>External cancellation is kept.</b> If the parent task was also cancelled from outside,
 *       that request survives: without child failures the group's future is cancelled; with
 *       child failures the {@code ExceptionGroup} wins, {@code cancelling()} keeps counting the
 *       request, and it is re-armed: the next stage of the parent task that waits on a pending
 *       future (for example the future an {@code exceptionallyCompose} handler of the {@code
 *       ExceptionGroup} returns) is cancelled at once, as asyncio's next {@code await} raises
 *       {@code CancelledError}. Stages in between pass the {@code ExceptionGroup} up untouched.
 *       Nested groups therefore leave exactly one request visible.
 *   <li><b>Body failure or cancellation.</b> If the body's stage fails or is cancelled, the group
 *       cancels its children and waits for them before completing. A cancellation that reaches
 *       the group while it waits for its children cancels them, and the group keeps waiting.
 *   <li><b>Fatal errors</b> ({@link VirtualMachineError}) from the body or a child are rethrown
 *       as they are, not grouped, as asyncio does for {@code SystemExit}/{@code
 *       KeyboardInterrupt}.
 * </ul>
 *
 * <h2>States</h2>
 *
 * <pre>
 *   CREATED --run--> RUNNING --body's stage done--> EXITING --last child done--> FINISHED
 * </pre>
 *
 * <p>{@link #createTask} works in RUNNING, and in EXITING while children remain (a child may start
 * a sibling); it fails in CREATED and FINISHED and while the group is aborting.
 *
 * <p><b>Threading:</b> loop-confined.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-task.html#task-groups">asyncio.TaskGroup</a>
 */
@LoopConfined
public final class TaskGroup {
  private enum State {
    CREATED,
    RUNNING,
    EXITING,
    FINISHED
  }

  /**
   * A group's body: receives the group, starts children through it, and returns the stage the
   * group waits for along with the children.
   *
   * @param <T> the body's result type
   */
  @FunctionalInterface
  public interface Body<T> {
    /**
     * Runs the body.
     *
     * @param group the entered group
     * @return the body's stage
     * @throws Exception if the body cannot start; the group treats it as the body failing
     */
    java.util.concurrent.CompletionStage<T> call(TaskGroup group) throws Exception;
  }

  private State state = State.CREATED;
  private EventLoop loop;
  private Task<?> parent;
  private final Set<Task<?>> tasks = new LinkedHashSet<>();
  private final List<Throwable> errors = new ArrayList<>();
  private final Consumer<Future<?>> onTaskDone = this::onTaskDone;
  private Throwable fatal;
  private boolean aborting;
  private boolean parentCancelRequested;
  private Future<Void> allDone;

  /** Creates a group that has not been entered. */
  public TaskGroup() {}

  /**
   * Enters the group, runs {@code body} and returns the group's future; see the class
   * documentation.
   *
   * @param body the block; called at once, on this thread
   * @param <T> the body's result type
   * @return a future with the body's value, or the failure described above
   * @throws NullPointerException if {@code body} is null
   * @throws IllegalStateException if the group was entered before, no loop runs on this thread,
   *     or the calling code does not run in a task
   */
  public <T> Future<T> run(Body<T> body) {
    Objects.requireNonNull(body, "body");
    EventLoop running = EventLoop.running();
    if (state != State.CREATED) {
      throw new IllegalStateException("this TaskGroup was already entered (it is " + state
          + "); create a new TaskGroup for each block");
    }
    parent = Bodies.requireTask(running, "TaskGroup.run()");
    loop = running;
    state = State.RUNNING;
    Future<T> inner = Bodies.start(loop, () -> body.call(this), "TaskGroup.run()");
    return new Exit<>(loop, parent, inner);
  }

  /**
   * Starts a child task in the group; see {@link EventLoop#createTask(AsyncCallable)}.
   *
   * @param body the child's async function
   * @param <T> the child's result type
   * @return the child task
   * @throws NullPointerException if {@code body} is null
   * @throws IllegalStateException if the group has not been entered, has finished, or is
   *     shutting down after a failure or cancellation
   * @throws WrongThreadException if called from another thread
   */
  public <T> Task<T> createTask(AsyncCallable<T> body) {
    return createTask(null, body);
  }

  /**
   * Starts a named child task in the group; see {@link #createTask(AsyncCallable)}.
   *
   * @param name the child's name, or null for {@code Task-<n>}
   * @param body the child's async function
   * @param <T> the child's result type
   * @return the child task
   * @throws NullPointerException if {@code body} is null
   * @throws IllegalStateException if the group has not been entered, has finished, or is
   *     shutting down after a failure or cancellation
   * @throws WrongThreadException if called from another thread
   */
  public <T> Task<T> createTask(String name, AsyncCallable<T> body) {
    Objects.requireNonNull(body, "body");
    if (state == State.CREATED) {
      throw new IllegalStateException("createTask() on a TaskGroup that has not been entered;"
          + " call it from the body given to run()");
    }
    loop.checkThread(this, "createTask", "loop.callSoonThreadSafe(...)");
    if (state == State.FINISHED || (state == State.EXITING && tasks.isEmpty())) {
      throw new IllegalStateException("createTask() on a TaskGroup that has finished; its"
          + " children are all done, so a new child would not be waited for");
    }
    if (aborting) {
      throw new IllegalStateException("createTask() on a TaskGroup that is shutting down after a"
          + " failure or cancellation");
    }
    Task<T> task = loop.createTask(name, body);
    tasks.add(task);
    task.addDoneCallback(onTaskDone);
    return task;
  }

  /** Returns the number of children that are not done. */
  public int pendingTasks() {
    if (loop != null) {
      loop.checkThread(this, "pendingTasks", "loop.callSoonThreadSafe(...)");
    }
    return tasks.size();
  }

  @Override
  public String toString() {
    return "TaskGroup[" + state + ", tasks=" + tasks.size() + ", errors=" + errors.size()
        + (aborting ? ", aborting" : "") + "]";
  }

  private void abort() {
    aborting = true;
    for (Task<?> task : new ArrayList<>(tasks)) {
      if (task.isPending()) {
        task.cancel();
      }
    }
  }

  private void onTaskDone(Future<?> task) {
    tasks.remove(task);
    if (allDone != null && tasks.isEmpty() && !allDone.isDone()) {
      allDone.setResult(null);
    }
    if (task.isCancelled()) {
      return;
    }
    Throwable failure = task.takeFailure();
    if (failure == null) {
      return;
    }
    errors.add(failure);
    if (failure instanceof VirtualMachineError && fatal == null) {
      fatal = failure;
    }
    if (!parent.isPending()) {
      loop.callExceptionHandler(new LoopError("a TaskGroup child failed after the group's parent"
          + " task " + parent + " finished", failure, task));
      return;
    }
    if (!aborting && !parentCancelRequested) {
      // Interrupt whatever the body waits on now; the request is withdrawn on exit.
      abort();
      parentCancelRequested = true;
      parent.cancel();
    }
  }

  /** The group's future: waits for the body's stage, then for the children, then decides. */
  private final class Exit<T> extends Stage<T> {
    private T value;
    private Throwable bodyFailure;
    private Throwable propagateCancel;

    Exit(EventLoop loop, Task<?> parent, Future<T> inner) {
      super(loop, parent);
      await(inner, new Wake(this::onBodyDone));
    }

    private void onBodyDone(Future<?> inner) {
      stopWaiting();
      Throwable failure = takeInput(inner);
      @SuppressWarnings("unchecked")
      T result = failure == null ? ((Future<T>) inner).valueNow() : null;
      value = result;
      bodyFailure = failure;
      state = State.EXITING;
      if (failure instanceof VirtualMachineError && fatal == null) {
        fatal = failure;
      }
      if (failure instanceof CancelledError) {
        propagateCancel = failure;
      }
      if (failure != null && !aborting) {
        // The parent task is being cancelled, or the body failed: stop the children.
        abort();
      }
      waitForChildren();
    }

    private void onChildrenDone(Future<?> waited) {
      stopWaiting();
      Throwable failure = takeInput(waited);
      allDone = null;
      if (failure instanceof CancelledError && !aborting) {
        // The parent is cancelled while the body is done and children still run.
        propagateCancel = failure;
        abort();
      }
      waitForChildren();
    }

    private void waitForChildren() {
      if (!tasks.isEmpty()) {
        // A loop, as asyncio's: this wait can be cancelled again and again.
        allDone = loop.createFuture();
        await(allDone, new Wake(this::onChildrenDone));
        return;
      }
      finish();
    }

    private void finish() {
      state = State.FINISHED;
      if (fatal != null) {
        fail(fatal, false);
        return;
      }
      if (parentCancelRequested && parent.uncancel() == 0) {
        // No other request remains: the cancellation was only ours.
        propagateCancel = null;
      }
      if (propagateCancel != null && errors.isEmpty()) {
        fail(propagateCancel, false);
        return;
      }
      if (bodyFailure != null && !(bodyFailure instanceof CancelledError)) {
        errors.add(bodyFailure);
      }
      if (errors.isEmpty()) {
        succeed(value);
        return;
      }
      ExceptionGroup group = new ExceptionGroup("unhandled errors in a TaskGroup", errors);
      fail(group, false);
      if (parent.cancelling() > 0 && parent.isPending()) {
        // An external request is pending: keep it (the count is unchanged, as asyncio's
        // uncancel() + cancel()) and re-arm it for the parent's next wait. Delivering it now
        // would replace the ExceptionGroup on its way up the parent's chain of stages.
        parent.cancelOnNextWait();
      }
    }

    @Override
    String describe() {
      return "TaskGroup of " + parent;
    }
  }

  /** Runs a group step in the parent task, in the context of the stage. */
  private final class Wake extends Registration {
    private final Consumer<Future<?>> step;

    Wake(Consumer<Future<?>> step) {
      super(Context.current());
      this.step = step;
    }

    @Override
    void onDone(Future<?> source) {
      loop.threadState().task = parent;
      step.accept(source);
    }

    @Override
    String describe() {
      return "wake-up of " + TaskGroup.this;
    }
  }
}
