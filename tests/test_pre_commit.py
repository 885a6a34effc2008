""".pre-commit-config.yaml is valid pre-commit configuration, and its hooks run the
checks of `make lint` (ruff check, ruff format, mypy), so a commit meets what CI asks;
and a commit that changes the content runs the site's checks (tools/check_site.py,
`make check`), which publish nothing."""

import re
import subprocess
import sys

from ruamel.yaml import YAML
from support import ROOT, condition_source

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


def test_a_commit_that_changes_the_content_runs_the_sites_checks():
    [hook] = [hook for hook in hooks() if hook["id"] == "site-checks"]
    changes = re.compile(hook["files"])
    for path in ("content/pages/faq.md", "content/reviewers.toml", "theme/templates/base.html"):
        assert changes.search(path), path
    assert changes.search("pelicanconf.py")
    for path in ("tools/build.py", "docs/writers-guide.md", "tests/corpus/x/content/pages/a.md"):
        assert not changes.search(path), path
    assert hook["entry"] == ".venv/bin/python tools/check_site.py pelicanconf.py"
    assert hook["pass_filenames"] is False  # the whole site, not the files changed
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert '\t$(PYTHON) tools/check_site.py "$(CONFFILE)"' in makefile


def check_site(fixture_site):
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "check_site.py"), str(fixture_site.settings_file())],
        capture_output=True,
        text=True,
        cwd=fixture_site.root,
        timeout=300,
    )


def test_the_hooks_check_refuses_a_bad_page_and_publishes_nothing(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source())
    passed = check_site(fixture_site)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "The site passes its checks (nothing was published)." in passed.stdout
    fixture_site.write("pages/conditions/cd.md", condition_source(Reviewed="2025-02-30"))
    failed = check_site(fixture_site)
    assert failed.returncode == 1
    assert (
        "ERROR content/pages/conditions/cd.md:3: Reviewed '2025-02-30' is not a valid date"
        in failed.stderr
    )
    assert not fixture_site.output.exists()
    assert not list(fixture_site.root.glob("*compliance-report.json"))
