"""Worker processes for work with a time limit, each one replaceable on its own.

``concurrent.futures.ProcessPoolExecutor`` cannot stop one task: a task past its
limit holds its process until it ends by itself, and shutting the executor down
loses every other task in flight. Here each worker is a process with a pipe of
its own. A job that runs past the limit gets its worker killed, and a fresh one,
warmed like the first, takes its place while the others go on serving. In front
of the workers the waiting line is bounded: past it a caller is refused at once
(:class:`QueueFull`) instead of waiting behind work that it cannot see.

The pool knows nothing of linting: a worker runs the handler that a picklable
factory builds in the new process (and warms up there, before the worker counts
as ready), and jobs and results are whatever that handler takes and returns.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import signal
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

Handler = Callable[[Any], Any]
HandlerFactory = Callable[[], Handler]
"""Builds a worker's handler in the worker process: imports, loads and warms up
whatever the jobs need. Must be picklable (a module-level function, or a
``functools.partial`` of one), as the workers are spawned."""

_READY = "ready"
_RESTART_DELAY = 1.0


class QueueFull(Exception):
    """Every worker is busy and the waiting line is full."""


class TimedOut(Exception):
    """The job ran past the time limit; its worker was killed and is being replaced."""


class WorkerFailed(Exception):
    """A worker could not start, or died during the job (its handler raised, or it was killed)."""


@dataclass(frozen=True, slots=True)
class Done:
    """A job's result, and when it went to a worker and came back (``time.monotonic()``)."""

    result: Any
    waited: float
    """Seconds the job waited in line for a worker."""
    sent_at: float
    """When the job left the waiting line for its worker."""
    returned_at: float
    """When its result was back in the event loop."""


@dataclass(frozen=True, slots=True)
class PoolState:
    workers: int
    """Workers alive and warmed."""
    busy: int
    waiting: int
    """Jobs waiting for a worker."""
    full: bool
    """A job sent now would be refused with QueueFull."""


class _Worker:
    def __init__(self, process: BaseProcess, connection: Connection) -> None:
        self.process = process
        self.connection = connection

    def call(self, job: Any) -> Any:
        """Run *job* in the worker and return its result (blocks: runs in a thread)."""
        self.connection.send(job)
        return self.receive()

    def receive(self) -> Any:
        """The worker's next message (blocks). Its end of the pipe is closed here,
        by the thread that reads it, once the worker is gone: closed elsewhere,
        the descriptor could be reused under a read still in progress."""
        try:
            return self.connection.recv()
        except (EOFError, OSError):
            self.connection.close()
            raise

    def kill(self) -> None:
        """End the process; a thread reading its pipe then gets EOF and closes it."""
        self.process.kill()
        self.process.join()

    def stop(self) -> None:
        """End an idle worker (no thread reads its pipe): EOF asks it to exit."""
        self.connection.close()
        self.process.join(2.0)
        if self.process.is_alive():
            self.kill()


class WorkerPool:
    """*workers* processes running the handler of *factory*, each job given at
    most *timeout* seconds, at most *queue_size* jobs waiting for a worker."""

    def __init__(
        self, factory: HandlerFactory, *, workers: int, queue_size: int, timeout: float, start_timeout: float = 60.0
    ) -> None:
        if workers < 1 or queue_size < 0 or timeout <= 0:
            raise ValueError("a pool needs a worker, a waiting line of zero or more, and a time limit above zero")
        self._factory = factory
        self._size = workers
        self._queue_size = queue_size
        self.timeout = timeout
        self._start_timeout = start_timeout
        # Spawned, never forked: the parent runs an event loop and threads.
        self._context = multiprocessing.get_context("spawn")
        # A thread per worker waits on its pipe, plus room for killed ones to drain.
        self._threads = ThreadPoolExecutor(2 * workers + 2, thread_name_prefix="lint-article-pool")
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._alive: set[_Worker] = set()
        self._waiting = 0
        self._closing = False
        self._restarts: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        """Start every worker and wait until each is warmed; raises WorkerFailed when one cannot start."""
        workers = await asyncio.gather(*(self._start_worker() for _ in range(self._size)), return_exceptions=True)
        failures = [w for w in workers if isinstance(w, BaseException)]
        for worker in workers:
            if isinstance(worker, _Worker):
                self._ready(worker)
        if failures:
            await self.close()
            raise WorkerFailed(str(failures[0]))

    def state(self) -> PoolState:
        idle = self._idle.qsize()
        return PoolState(len(self._alive), len(self._alive) - idle, self._waiting, self._full())

    def _full(self) -> bool:
        return self._idle.empty() and self._waiting >= self._queue_size

    async def run(self, job: Any) -> Done:
        """The handler's result for *job*. Raises QueueFull at once when the line
        is full, TimedOut past the time limit, WorkerFailed when the worker died."""
        if self._full():
            raise QueueFull
        queued = time.monotonic()
        self._waiting += 1
        try:
            worker = await self._idle.get()
        finally:
            self._waiting -= 1
        loop = asyncio.get_running_loop()
        call = loop.run_in_executor(self._threads, worker.call, job)
        started = time.monotonic()
        try:
            done, _ = await asyncio.wait({call}, timeout=self.timeout)
        except asyncio.CancelledError:
            # The caller went away (a client hung up, the server stops): the
            # worker is busy until its answer is read, then serves again.
            call.add_done_callback(lambda _: self._after(worker, call, time.monotonic() - started))
            raise
        if not done:
            # The killed worker's pipe ends the call with EOFError, which no one needs to hear.
            call.add_done_callback(lambda future: future.cancelled() or future.exception())
            self._replace(worker)
            raise TimedOut(f"the job ran past the limit of {self.timeout:g} s")
        result = self._after(worker, call, time.monotonic() - started)
        return Done(result, started - queued, started, time.monotonic())

    def _after(self, worker: _Worker, call: asyncio.Future[Any], elapsed: float) -> Any:
        """The job's result, with the worker given back (or replaced when it died)."""
        if call.cancelled() or call.exception() is not None:
            self._replace(worker)
            reason = "stopped" if call.cancelled() else f"{type(call.exception()).__name__}"
            raise WorkerFailed(f"the worker process died after {elapsed:.1f} s ({reason})")
        self._ready(worker)
        return call.result()

    def _ready(self, worker: _Worker) -> None:
        if self._closing:
            worker.stop()
            return
        self._alive.add(worker)
        self._idle.put_nowait(worker)

    def _replace(self, worker: _Worker) -> None:
        self._alive.discard(worker)
        worker.kill()
        if not self._closing:
            task = asyncio.get_running_loop().create_task(self._restart())
            self._restarts.add(task)
            task.add_done_callback(self._restarts.discard)

    async def _restart(self) -> None:
        while not self._closing:
            try:
                worker = await self._start_worker()
            except WorkerFailed as exc:
                print(f"lint-article: a worker could not start again ({exc}); retrying", file=sys.stderr)
                await asyncio.sleep(_RESTART_DELAY)
                continue
            self._ready(worker)
            return

    async def _start_worker(self) -> _Worker:
        ours, theirs = self._context.Pipe(duplex=True)
        process = self._context.Process(target=_serve, args=(theirs, self._factory), daemon=True)
        process.start()
        theirs.close()  # else the worker's death would never reach our end as EOF
        worker = _Worker(process, ours)
        loop = asyncio.get_running_loop()
        try:
            greeting = await asyncio.wait_for(loop.run_in_executor(self._threads, worker.receive), self._start_timeout)
        except (TimeoutError, EOFError, OSError) as exc:
            worker.kill()
            why = "did not warm up in time" if isinstance(exc, TimeoutError) else "exited while warming up"
            raise WorkerFailed(f"a worker process {why} (exit code {process.exitcode})") from None
        if greeting != _READY:
            worker.stop()
            raise WorkerFailed(f"a worker process could not warm up: {greeting}")
        return worker

    async def close(self) -> None:
        """Stop every worker: idle ones are asked to exit, busy ones are killed."""
        self._closing = True
        for task in list(self._restarts):
            task.cancel()
        idle = [self._idle.get_nowait() for _ in range(self._idle.qsize())]
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self._threads, worker.stop) for worker in idle))
        for worker in self._alive - set(idle):
            worker.kill()
        self._alive.clear()
        self._threads.shutdown(wait=False, cancel_futures=True)


def _serve(connection: Connection, factory: HandlerFactory) -> None:
    """A worker process: build and warm the handler, say so, then answer jobs until EOF."""
    # Ctrl-C in a terminal reaches the whole process group: the parent decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        handler = factory()
    except BaseException as exc:  # noqa: BLE001 - the parent reports it; a traceback here says less
        connection.send(f"{type(exc).__name__}: {exc}")
        return
    connection.send(_READY)
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        with contextlib.suppress(BrokenPipeError):
            connection.send(handler(job))
