""".pre-commit-config.yaml is valid pre-commit configuration, and its hooks run the
checks of `make lint` (ruff check, ruff format, mypy), so a commit meets what CI asks."""

import re

from ruamel.yaml import YAML
from support import ROOT

CONFIG = YAML(typ="safe").load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
# pre-commit's schema for a hook of a local repository: what each must say, and may say
REQUIRED = {"id", "name", "entry", "language"}
OPTIONAL = {"additional_dependencies", "types", "exclude", "files", "pass_filenames", "args"}
LANGUAGES = {"python", "system", "node", "script"}


def hooks():
    return [hook for repo in CONFIG["repos"] for hook in repo["hooks"]]


def lint_recipe():
    """The command lines of the Makefile's lint target."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^lint:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
    return [line.strip() for line in recipe.splitlines()]


def test_every_hook_has_the_keys_pre_commit_needs_and_no_other():
    assert [repo["repo"] for repo in CONFIG["repos"]] == ["local"]
    for hook in hooks():
        assert set(hook) >= REQUIRED, hook
        assert set(hook) <= REQUIRED | OPTIONAL, hook
        assert hook["language"] in LANGUAGES, hook
    ids = [hook["id"] for hook in hooks()]
    assert len(ids) == len(set(ids)), ids


def test_the_hooks_run_what_make_lint_runs():
    entries = [hook["entry"] for hook in hooks()]
    recipe = lint_recipe()
    assert any("ruff check" in line for line in recipe)
    assert any("ruff check" in entry for entry in entries), entries
    assert any("ruff format --check" in line for line in recipe)
    assert any("ruff format" in entry for entry in entries), entries
    assert any("lint-types" in line for line in recipe)
    assert "make lint-types" in entries
