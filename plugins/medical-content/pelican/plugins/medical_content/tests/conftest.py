"""Fixtures of the plugin's tests: a small site in tmp_path for each test that builds one."""

from pathlib import Path

import pytest

from pelican.plugins.medical_content.tests.support import FixtureSite, fresh_log_filter

__all__ = ["fixture_site", "fresh_log_filter"]


@pytest.fixture
def fixture_site(tmp_path: Path) -> FixtureSite:
    return FixtureSite(tmp_path)
