package dev.syncopate.runtime;

import java.util.concurrent.CompletionStage;

/**
 * An async function running on an event loop: asyncio's {@code Task}.
 *
 * <p>A task starts in a later loop iteration, runs its {@link AsyncCallable body} once in the
 * {@link Context} copied at creation, then waits for the stage the body returned and takes its
 * outcome. A body that returns a future of a future is not flattened: the task's value is then
 * the inner future itself.
 *
 * <h2>Cancellation</h2>
 *
 * <p>{@link #cancel(String)} is a <em>request</em>, as in asyncio:
 *
 * <ul>
 *   <li><b>Delivered where the task waits.</b> It cancels the stage the task waits on, which
 *       passes it down its own chain to the future it waits on; the {@link CancelledError} then
 *       flows back up through every function in between. A stage that turns it into a value
 *       ({@code exceptionally}, {@code handle}) lets the task complete normally; later waits are
 *       not cancelled.
 *   <li><b>Never started, never run.</b> A task cancelled before its first step ends cancelled
 *       without running its body.
 *   <li><b>Sticky.</b> A request made while nothing can take it (the task is about to start, or
 *       its stage just completed) is kept and delivered at the next step, so a task that cancels
 *       itself and returns a completed value still ends cancelled.
 *   <li><b>Counted.</b> Every accepted request increments {@link #cancelling()}; {@link
 *       #uncancel()} takes one back. Timeouts and task groups compare these counts to tell their
 *       own cancellations from others'.
 *   <li><b>Not {@code java.util.concurrent.Future.cancel}.</b> That contract wants the future done
 *       when {@code cancel} returns true; here {@code isDone()} stays false until the task has
 *       reacted. The {@link #toCompletableFuture()} view follows the {@code java.util.concurrent}
 *       contract: cancelling the view completes the view at once and sends this request.
 * </ul>
 *
 * <h2>States</h2>
 *
 * <pre>
 *   scheduled --first step--> waiting on its body's stage --stage done--> SUCCEEDED | FAILED | CANCELLED
 *   scheduled --cancel, then first step-----------------------------------> CANCELLED (body never runs)
 * </pre>
 *
 * <p><b>Threading:</b> loop-confined, like every {@link Future}.
 *
 * @param <T> the result type
 * @see <a href="https://docs.python.org/3/library/asyncio-task.html#task-object">asyncio.Task</a>
 */
@LoopConfined
public final class Task<T> extends Stage<T> {
  /** The body until the first step; dropped then, so it holds nothing for the task's life. */
  private AsyncCallable<T> body;

  final Context context;
  private final int id;
  private String name;
  private int cancelRequests;

  /** Links in the loop's list of pending tasks. */
  Task<?> previousPending;
  Task<?> nextPending;

  Task(EventLoop loop, int id, String name, AsyncCallable<T> body, Context context) {
    super(loop, null);
    this.id = id;
    this.name = name;
    this.body = body;
    this.context = context;
  }

  /** Returns the task's name: the one given, or {@code Task-<n>}. */
  public String name() {
    check("name");
    return nameText();
  }

  /**
   * Renames the task.
   *
   * @param name the new name
   * @throws NullPointerException if {@code name} is null
   */
  public void setName(String name) {
    check("setName");
    this.name = java.util.Objects.requireNonNull(name, "name");
  }

  /** Returns the context the task runs in. */
  public Context context() {
    check("context");
    return context;
  }

  /**
   * Requests cancellation; see the class documentation.
   *
   * @param message the reason, carried by the {@link CancelledError}; may be null
   * @return {@code false} if the task is done, otherwise {@code true}, also on repeated calls
   */
  @Override
  public boolean cancel(String message) {
    check("cancel");
    if (!isPending()) {
      return false;
    }
    cancelRequests++;
    return requestCancel(message);
  }

  /** Returns the number of cancellation requests not yet withdrawn by {@link #uncancel()}. */
  public int cancelling() {
    check("cancelling");
    return cancelRequests;
  }

  /**
   * Withdraws one cancellation request. When none remain, a request that was kept for the next
   * step is dropped too. Meant for timeouts and task groups that consumed their own request.
   *
   * @return the number of requests that remain
   */
  public int uncancel() {
    check("uncancel");
    if (cancelRequests > 0) {
      cancelRequests--;
      if (cancelRequests == 0) {
        clearPendingCancel();
      }
    }
    return cancelRequests;
  }

  /** The first step: run the body unless a cancellation came first, then wait for its stage. */
  void start() {
    AsyncCallable<T> toRun = body;
    body = null;
    Throwable cancelled = takeInput(null);
    if (cancelled != null) {
      fail(cancelled, false);
      return;
    }
    CompletionStage<T> stage;
    try {
      stage = toRun.call();
    } catch (Throwable thrown) {
      fail(thrown, false);
      return;
    }
    adopt(stage);
  }

  @Override
  void enterOwner() {
    loop.threadState().task = this;
  }

  @Override
  void onSettled() {
    loop.taskSettled(this);
  }

  @Override
  String describe() {
    return "Task '" + nameText() + "'";
  }

  private String nameText() {
    return name != null ? name : "Task-" + id;
  }

  /** The handle that runs a task's first step. */
  static final class Start extends Handle {
    private final Task<?> task;

    Start(Task<?> task) {
      super(task.context);
      this.task = task;
    }

    @Override
    void invoke() {
      task.enterOwner();
      task.start();
    }

    @Override
    String describe() {
      return "start of " + task;
    }
  }
}
