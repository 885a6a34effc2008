"""The checks beside the build: a worker process finds what the build's own process
finds, a job started ahead gives its result once, and the build never waits for a
worker that has not reached the job it needs."""

import json
import os
import time
from dataclasses import dataclass

import pytest
from support import condition_source, fails, faq_source

from pelican.plugins.medical_content.builder import workers


def test_sources_checked_in_a_worker_report_what_the_builds_own_process_reports(
    fixture_site, caplog
):
    """A big site checks every source in a worker as the build starts: the same faults,
    at the same lines, stop the same files."""
    fixture_site.write("pages/latin1.md", "Title: Caf\xe9\n\nText.\n".encode("latin-1"))
    fixture_site.write("pages/control.md", "Title: Control\n\nA bell \x07 here.\n")
    fixture_site.write("pages/twice.md", "Title: Twice\nTitle: Again\n\nText.\n")
    fixture_site.write("pages/fine.md", "Title: Fine\n\nText.\n")
    in_process = fails(fixture_site, caplog, MEDICAL_CHECK_WORKERS=0)
    caplog.clear()
    in_worker = fails(fixture_site, caplog, MEDICAL_CHECK_WORKERS=1)
    assert sorted(in_worker) == sorted(in_process)
    assert {m.split(": ", 1)[0] for m in in_worker} == {
        "content/pages/latin1.md:1",
        "content/pages/control.md:3",
        "content/pages/twice.md:2",
    }
    assert not (fixture_site.output / "control" / "index.html").exists()
    assert not (fixture_site.output / "latin1" / "index.html").exists()


@dataclass(frozen=True)
class Numbered:
    number: int

    def run(self, shared):
        return self.number, os.getpid()


@pytest.mark.parametrize("worker_count", [0, 1])
def test_a_job_started_ahead_gives_its_result_once_where_the_site_size_says(worker_count):
    checks = workers.Checks(shared=None, workers=worker_count)
    count = 3 * workers._AHEAD_BATCH + 5
    checks.start_ahead({f"file{n}": Numbered(n) for n in range(count)})
    try:
        found = [checks.ahead(f"file{n}") for n in reversed(range(count))]
        assert [number for number, _ in found] == list(reversed(range(count)))
        assert worker_count or {pid for _, pid in found} == {os.getpid()}
        assert checks.ahead("file0") is None  # given once
        assert checks.ahead("never-started") is None
    finally:
        checks.close()


@dataclass(frozen=True)
class SlowCheck:
    number: int
    seconds: float = 0.002

    def run(self, shared):
        time.sleep(self.seconds)
        return self.number, os.getpid()


def test_a_job_asked_for_before_the_worker_reaches_it_runs_in_the_build_instead():
    """Pelican reads its files in no set order: the build does not wait for the worker
    to reach the batch of the file it reads first."""
    checks = workers.Checks(shared=None, workers=1)
    count = 2 * workers._AHEAD_BATCH  # two batches, about 0.1 s each in the worker
    checks.start_ahead({f"file{n}": SlowCheck(n, 0.1 / workers._AHEAD_BATCH) for n in range(count)})
    try:
        assert checks.ahead(f"file{count - 1}") == (count - 1, os.getpid())
        time.sleep(1.5)  # the worker is done with both batches
        number, pid = checks.ahead("file0")
        assert number == 0 and pid != os.getpid()
        assert checks.ahead(f"file{count - 1}") is None  # given once, where it ran
    finally:
        checks.close()


def test_a_batch_no_worker_has_started_is_left_to_the_build():
    """The worker takes the files Pelican reads last first; when the build reaches a
    batch the worker has not started, the build does that batch's jobs and the worker
    does not do them again."""
    checks = workers.Checks(shared=None, workers=1)
    batch = workers._AHEAD_BATCH
    count = 3 * batch
    # a third of a second a batch: the worker has not finished the first when the
    # build asks for a job of the third, even on a busy machine
    checks.start_ahead({f"file{n}": SlowCheck(n, 0.32 / batch) for n in range(count)})
    try:
        first_of_last = 2 * batch
        assert checks.ahead(f"file{first_of_last}") == (first_of_last, os.getpid())
        time.sleep(1.5)  # the worker is done with all it was left
        rest = range(first_of_last + 1, count)
        assert {checks.ahead(f"file{n}")[1] for n in rest} == {os.getpid()}
        assert os.getpid() not in {checks.ahead(f"file{n}")[1] for n in range(batch)}
    finally:
        checks.close()


def test_when_pelican_is_done_its_process_takes_the_checks_no_worker_has_started():
    checks = workers.Checks(shared=None, workers=1)
    results = []
    count = 8 * workers._BATCH
    for number in range(count):
        checks.submit(SlowCheck(number), results.append)
    checks.finish()
    assert [number for number, _ in results] == list(range(count))  # each once, in order
    ran_in = {pid for _, pid in results}
    assert os.getpid() in ran_in and len(ran_in) == 2  # the worker, and this process
    assert results[-1][1] == os.getpid() and results[0][1] != os.getpid()


def test_a_rebuild_with_the_content_cache_reports_what_a_cold_build_does(fixture_site):
    """With CACHE_CONTENT on, unchanged pages' text results come from the plugin's cache."""
    fixture_site.write("pages/conditions/cd.md", condition_source())
    fixture_site.write("pages/faq.md", faq_source(("Does it hurt?", "A little.")))
    cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CONTENT_CACHING_LAYER": "reader"}
    report = fixture_site.root / "compliance-report.json"
    fixture_site.build(**cache)
    cold = json.loads(report.read_text())
    assert (fixture_site.root / "cache" / "medical_content_checks.pickle").is_file()
    fixture_site.build(**cache)
    assert json.loads(report.read_text()) == cold
    assert all(row["readability"] for row in cold["pages"])
