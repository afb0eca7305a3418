"""Worker processes that run one task at a time each and stop any task that overruns its budget.

Why not ``ProcessPoolExecutor``: it cannot stop one task. An input that makes the extractor run
away (a pathological case for a regular expression, the HTML parser or pyvi) would hold its
worker to the end of the run, and killing that worker breaks the whole pool. Here each worker
has a pipe of its own and one task at a time, so the parent knows which task every worker runs
and since when. A task past its wall-clock budget is ended by killing its worker (SIGKILL stops
C code that never returns to Python too), a fresh worker takes its place, and the others go on.
A worker that dies under a task (the kernel's out-of-memory killer) costs that task alone.

A worker warms up (imports, gazetteers, pyvi's model: seconds) before it says it is ready, and a
task's clock starts when it is handed to a ready worker, so start-up is never charged to a task.
Workers are spawned, not forked, so no lock held by a thread of the parent (Dagster, polars) is
copied into a child; a worker whose parent is gone sees its pipe close and exits.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

_READY = "ready"
# How long a worker asked to stop may take to exit before it is killed.
_STOP_GRACE_SECONDS = 5.0


@dataclass(frozen=True)
class OverBudget:
    """The task ran longer than ``budget_seconds`` and its worker was killed."""

    budget_seconds: float


@dataclass(frozen=True)
class WorkerDied:
    """The worker running the task ended without answering (killed by a signal, or crashed)."""

    exitcode: int | None


class WorkerStartError(RuntimeError):
    """A worker died before it was ready: a broken installation, not a bad input."""


# Idle pools left by ``keep_warm`` calls, by (work, warm_up, size); taken out while in use.
_warm_pools: dict[tuple[Callable[[Any], Any], Callable[[], None] | None, int], _Pool] = {}


def run_within_budget(
    work: Callable[[Any], Any],
    tasks: Iterable[Any],
    *,
    workers: int,
    budget_seconds: float,
    warm_up: Callable[[], None] | None = None,
    keep_warm: bool = False,
) -> Iterator[tuple[int, Any]]:
    """Run ``work(task)`` for every task on ``workers`` processes; yield ``(index, result)`` as done.

    ``result`` is what ``work`` returned, or ``OverBudget`` / ``WorkerDied``. ``work`` and
    ``warm_up`` must be importable functions (they are sent to spawned processes), and ``work``
    should return its errors rather than raise them. Results come in the order they finish.

    With ``keep_warm`` the workers outlive the call, idle, and the next call with the same
    ``work``, ``warm_up`` and ``workers`` takes them: a long-lived process that extracts one small
    batch after another (a Celery worker taking part after part) pays their warm-up once, not per
    batch. They exit with this process (their pipe closes) or at ``stop_warm_pools``.
    """
    pending = deque(enumerate(tasks))
    if not pending:
        return
    key, pool = _take_pool(work, warm_up, workers, warm=keep_warm)
    finished = False
    try:
        while pending or pool.busy():
            pool.fill(len(pending))
            for worker in pool.idle():
                if not pending:
                    break
                if worker.start_task(*pending[0], budget_seconds):
                    pending.popleft()
                else:
                    pool.retire(worker)  # gone since it said it was ready
            yield from pool.collect(budget_seconds)
        finished = True
    finally:
        if keep_warm and finished:  # every worker idle: nothing of this call is left in them
            _warm_pools[key] = pool
        else:
            pool.stop()


def warm_pool(work: Callable[[Any], Any], warm_up: Callable[[], None] | None, workers: int) -> list[int]:
    """Start the workers a later ``keep_warm`` call with the same arguments takes, and wait until
    they are warm; their process ids. For a long-lived process that should be ready to work
    before the first task comes (a Celery worker once it is up)."""
    key, pool = _take_pool(work, warm_up, workers, warm=True)
    try:
        pool.fill(pool.size)
        while not all(w.ready for w in pool.workers):
            for _ in pool.collect(budget_seconds=0):  # no task runs: only the ready messages come
                pass
    except BaseException:
        pool.stop()
        raise
    _warm_pools[key] = pool
    return [w.process.pid for w in pool.workers]


def _take_pool(
    work: Callable[[Any], Any], warm_up: Callable[[], None] | None, workers: int, warm: bool
) -> tuple[tuple[Callable[[Any], Any], Callable[[], None] | None, int], _Pool]:
    """The pool for ``work``: the idle warm one when ``warm`` and there is one (its workers killed
    while they waited dropped), else a new one; with the key it is kept under."""
    key = (work, warm_up, max(1, workers))
    pool = (_warm_pools.pop(key, None) if warm else None) or _Pool(key[2], work, warm_up)
    pool.drop_dead()
    return key, pool


def stop_warm_pools() -> None:
    """Stop the workers ``keep_warm`` calls left running."""
    while _warm_pools:
        _, pool = _warm_pools.popitem()
        pool.stop()


class _Pool:
    def __init__(self, size: int, work: Callable[[Any], Any], warm_up: Callable[[], None] | None) -> None:
        self.context = multiprocessing.get_context("spawn")
        self.size, self.work, self.warm_up = size, work, warm_up
        self.workers: list[_Worker] = []

    def fill(self, pending: int) -> None:
        """Start workers, up to the pool's size, until every pending task has one free or starting."""
        while len(self.workers) < self.size and sum(w.index is None for w in self.workers) < pending:
            self.workers.append(_Worker(self.context, self.work, self.warm_up))

    def drop_dead(self) -> None:
        for worker in [w for w in self.workers if not w.process.is_alive()]:
            self.retire(worker)

    def busy(self) -> bool:
        return any(w.index is not None for w in self.workers)

    def idle(self) -> list[_Worker]:
        return [w for w in self.workers if w.ready and w.index is None]

    def retire(self, worker: _Worker) -> None:
        """Kill a worker and drop it; ``fill`` starts another if tasks are still waiting."""
        worker.kill()
        self.workers.remove(worker)

    def collect(self, budget_seconds: float) -> Iterator[tuple[int, Any]]:
        """Wait until a worker answers or a task's deadline passes; yield what finished or overran."""
        deadlines = [w.deadline for w in self.workers if w.deadline is not None]
        timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        for conn in wait([w.conn for w in self.workers], timeout=timeout):
            worker = next(w for w in self.workers if w.conn is conn)
            try:
                message = conn.recv()
            except (EOFError, OSError):
                index, exitcode = worker.index, worker.kill()
                if not worker.ready:
                    raise WorkerStartError(
                        f"an extraction worker died while starting (exit code {exitcode})"
                    ) from None
                self.retire(worker)
                if index is not None:
                    yield index, WorkerDied(exitcode)
                continue
            if message == _READY:
                worker.ready = True
                continue
            index, result = message
            worker.index = worker.deadline = None
            yield index, result
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.deadline is not None and now >= worker.deadline:
                index = worker.index
                self.retire(worker)
                yield index, OverBudget(budget_seconds)

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop()


class _Worker:
    """One worker process, the task it runs (``index``) and that task's deadline."""

    def __init__(self, context, work: Callable[[Any], Any], warm_up: Callable[[], None] | None) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, work, warm_up), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.index: int | None = None
        self.deadline: float | None = None

    def start_task(self, index: int, task: Any, budget_seconds: float) -> bool:
        """Hand ``task`` to this worker; False when the worker is gone."""
        try:
            self.conn.send((index, task))
        except (BrokenPipeError, OSError):
            return False
        self.index, self.deadline = index, time.monotonic() + budget_seconds
        return True

    def kill(self) -> int | None:
        """Kill the process (if still running) and return its exit code."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()
        return self.process.exitcode

    def stop(self) -> None:
        """Ask an idle worker to exit, and kill whatever does not."""
        if self.process.exitcode is None and self.index is None and not self.conn.closed:
            with contextlib.suppress(BrokenPipeError, OSError):
                self.conn.send(None)
            self.process.join(_STOP_GRACE_SECONDS)
        if not self.conn.closed:
            self.kill()


def _serve(conn: Connection, work: Callable[[Any], Any], warm_up: Callable[[], None] | None) -> None:
    """A worker's life: warm up, say so, then run tasks until told to stop or the parent is gone."""
    if warm_up is not None:
        warm_up()
    conn.send(_READY)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, task = message
        conn.send((index, work(task)))
