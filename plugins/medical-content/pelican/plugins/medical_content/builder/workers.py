"""Runs the checks that change nothing Pelican writes beside Pelican's own work.

Pelican reads, renders and writes pages on one core. Measuring a page's text and
checking a written page change nothing that Pelican writes, so on a big site a worker
process takes them while Pelican goes on; their results are reported at the end of the
build, before anything is deployed. A small site (or ``MEDICAL_CHECK_WORKERS = 0``) runs
them in the build's own process, where starting a worker would cost more than it saves.
"""

import multiprocessing
import signal
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

_BATCH = 32  # jobs sent to a worker at once: one round trip each, not one per page
# jobs the build asks for as it goes (``ahead``): the build runs again the jobs of a batch
# it meets while a worker runs it, so these batches are smaller
_AHEAD_BATCH = 8

_shared: Any = None  # in a worker: what every job needs, sent once when it starts


class Job(Protocol):
    """A check that changes nothing Pelican writes: ``jobs.TextJob``, ``PageJob``,
    ``reader.SourceJob``."""

    def run(self, shared: Any) -> Any: ...


Done = Callable[[Any], None]


def _start(shared: Any) -> None:
    global _shared
    _shared = shared
    # Ctrl-C reaches the whole process group: the build stops and shuts the workers
    # down; a worker that stopped by itself would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run(jobs: list[Job], shared: Any = None) -> list[Any]:
    return [job.run(shared or _shared) for job in jobs]


class Checks:
    def __init__(self, shared: Any, workers: int, memory: dict[Any, Any] | None = None) -> None:
        self.shared = shared
        # results of jobs that depend only on their own values (``job.key()``), from
        # earlier builds: a rebuild after one edit measures one page's text, not all.
        # None: no cache, nothing to look up or remember.
        self.memory = memory
        self.used: dict[Any, Any] = {}
        # (future of a batch of results, [job], [callback per job])
        self.done: list[tuple[Future[list[Any]], list[Job], list[Done]]] = []
        self.jobs: list[Job] = []
        self.callbacks: list[Done] = []
        self.pool: ProcessPoolExecutor | None = None
        # jobs whose results the build asks for by key as it goes (``start_ahead``)
        self.started: dict[str, tuple[Future[list[Any]], int]] = {}
        self.waiting: dict[str, Job] = {}
        if workers:
            # fork: a worker starts with the plugin and its libraries already imported
            self.pool = ProcessPoolExecutor(
                workers, multiprocessing.get_context("fork"), initializer=_start, initargs=(shared,)
            )

    def start_ahead(self, jobs: Mapping[str, Job]) -> None:
        """Jobs whose results the build asks for by key while it runs (``ahead``), in the
        order a worker should take them: before any other job. A job asked for before a
        worker has its result runs in the build's own process then, and a batch no worker
        has started is left to it; without a worker, each runs when it is asked for. A
        rebuild that asks for few (the preview's, with Pelican's cache) runs few."""
        self.waiting = dict(jobs)
        if self.pool is None:
            return
        keys = list(jobs)
        for start in range(0, len(keys), _AHEAD_BATCH):
            batch = keys[start : start + _AHEAD_BATCH]
            future = self.pool.submit(_run, [jobs[key] for key in batch])
            self.started.update((key, (future, index)) for index, key in enumerate(batch))

    def ahead(self, key: str) -> Any:
        """The result of the job started for ``key`` (once); None if none was."""
        job = self.waiting.pop(key, None)
        if job is None:
            return None
        found = self.started.pop(key, None)
        if found is None:
            return job.run(self.shared)
        future, index = found
        # the build would wait for a whole batch; a batch no worker has started is
        # cancelled, and its other jobs run here as the build asks for them
        if not future.done() or future.cancelled():
            future.cancel()
            return job.run(self.shared)
        return future.result()[index]

    def submit(self, job: Job, done: Done) -> None:
        """Run ``job.run(shared)``; ``done(result)`` runs in the build's process, by
        ``finish``, once every page's kind is known."""
        memory = self.memory
        key = job.key() if memory is not None and hasattr(job, "key") else None
        if memory is not None and key is not None:
            if key in memory:
                self.used[key] = memory[key]
                self.done.append((_completed([memory[key]]), [job], [done]))
                return
            done = self._remembering(key, done)
        if self.pool is None:
            self.done.append((_completed([job.run(self.shared)]), [job], [done]))
            return
        self.jobs.append(job)
        self.callbacks.append(done)
        if len(self.jobs) >= _BATCH:
            self._send()

    def _remembering(self, key: Any, done: Done) -> Done:
        def remember(result: Any) -> None:
            self.used[key] = result
            done(result)

        return remember

    def _send(self) -> None:
        if self.jobs and self.pool is not None:
            self.done.append((self.pool.submit(_run, self.jobs), self.jobs, self.callbacks))
            self.jobs, self.callbacks = [], []

    def finish(self) -> None:
        try:
            if self.pool is not None:
                self._send()
                self._share_the_rest()
            for results, _, callbacks in self.done:
                for result, done in zip(results.result(), callbacks, strict=True):
                    done(result)
        finally:
            self.close()

    def _share_the_rest(self) -> None:
        """Pelican has written the last page and this process would only wait: it takes
        the batches no worker has started, from the last, while the workers go on from
        the first."""
        for index in reversed(range(len(self.done))):
            future, jobs, callbacks = self.done[index]
            if future.done():
                break  # the workers have reached this far
            if future.cancel():
                self.done[index] = (_completed(_run(jobs, self.shared)), jobs, callbacks)

    def close(self) -> None:
        self.done, self.jobs, self.callbacks = [], [], []
        self.started, self.waiting = {}, {}
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


def _completed(results: list[Any]) -> Future[list[Any]]:
    future: Future[list[Any]] = Future()
    future.set_result(results)
    return future
