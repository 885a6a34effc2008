"""Where a build's problems are shown: the log, and on GitHub Actions an annotation at
the problem's file and line."""

import logging

import pytest

from pelican.plugins.medical_content.core.problems import BuildFailed
from pelican.plugins.medical_content.tests.support import FixtureSite, article_source

BAD_DATE = article_source(Reviewed="2026-13-45")  # no 13th month


def _build_failing(fixture_site: FixtureSite, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    fixture_site.write("articles/a.md", BAD_DATE)
    with pytest.raises(BuildFailed):
        fixture_site.build()


def _reviewed_line() -> int:
    return next(
        n for n, line in enumerate(BAD_DATE.splitlines(), 1) if line.startswith("Reviewed:")
    )


def test_on_github_actions_each_problem_is_an_annotation_at_its_line(
    fixture_site: FixtureSite,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _build_failing(fixture_site, caplog)
    annotations = [
        line for line in capsys.readouterr().out.splitlines() if line.startswith("::error ")
    ]
    logged = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert annotations and len(annotations) == len([m for m in logged if m.startswith("content/")])
    assert annotations[0].startswith(
        f"::error file=content/articles/a.md,line={_reviewed_line()}::"
    )
    assert "\n" not in annotations[0]


def test_elsewhere_there_are_no_annotations(
    fixture_site: FixtureSite,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    _build_failing(fixture_site, caplog)
    assert "::error" not in capsys.readouterr().out
