"""The checks cache across processes: each build of `make html` or CI is a new Python
process, whose string hashes differ from the last one's (hash randomisation), so a key
made of anything but the values themselves would never be found again."""

import json
import subprocess
import sys
from collections.abc import Mapping

import pytest

from pelican.plugins.medical_content.tests.support import (
    PLUGIN_SETTINGS,
    FixtureSite,
    article_source,
    condition_source,
)

pytestmark = pytest.mark.slow  # three builds, each in a new process

# One build in a fresh process; prints how many pages' text it measured itself.
_BUILD = """
import json, sys
from pelican import Pelican
from pelican.settings import read_settings
from pelican.plugins.medical_content.builder import jobs

measured = []
run = jobs.TextJob.run
jobs.TextJob.run = lambda job, shared: measured.append(job) or run(job, shared)
Pelican(read_settings(path=None, override=json.loads(sys.argv[1]))).run()
print(len(measured))
"""


def _build(settings: Mapping[str, object], hash_seed: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _BUILD, json.dumps(settings)],
        capture_output=True,
        text=True,
        env={"PYTHONHASHSEED": hash_seed, "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return int(done.stdout.split()[-1])


def _two_pages_cached(fixture_site: FixtureSite) -> dict[str, object]:
    """An article and a condition page, and the settings of a build with Pelican's
    content cache (the preview's)."""
    fixture_site.write("articles/a.md", article_source("Botox is a medicine."))
    fixture_site.write("pages/conditions/cd.md", condition_source())
    return {
        **PLUGIN_SETTINGS,
        **fixture_site.paths(),
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CONTENT_CACHING_LAYER": "reader",
    }


def test_a_rebuild_in_a_new_process_takes_unchanged_pages_text_results_from_the_cache(
    fixture_site: FixtureSite,
) -> None:
    settings = _two_pages_cached(fixture_site)
    assert _build(settings, hash_seed="1") == 2
    assert _build(settings, hash_seed="2") == 0
    fixture_site.write("articles/a.md", article_source("Botox is a prescription medicine."))
    assert _build(settings, hash_seed="3") == 1  # the edited page only


def test_a_change_to_the_plain_pages_measures_every_page_again(
    fixture_site: FixtureSite,
) -> None:
    # a page's own text is judged by its kind and by whether it may name the product in
    # passing: a cached result of other settings would let a plain page about the
    # treatment through, or keep refusing one the settings now allow
    settings = _two_pages_cached(fixture_site)
    assert _build(settings, hash_seed="1") == 2
    assert _build(settings, hash_seed="2") == 0
    assert _build({**settings, "MEDICAL_PLAIN_PAGES": ["pages/about.md"]}, hash_seed="3") == 2
