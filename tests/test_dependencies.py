"""The Python dependencies: each group's .in file pins its direct dependencies, its lock
pins and hashes everything, the runtime group holds no test tool, the Makefile installs
each lock with --require-hashes and only the group a target needs, Dependabot watches
every ecosystem, CI looks for known vulnerabilities, and the README explains each
dependency (README.md, "Dependencies")."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from ruamel.yaml import YAML
from support import ROOT

REQUIREMENTS = ROOT / "requirements"
GROUPS = ["runtime", "dev", "bench", "tools"]
# The groups installed into the site's .venv together (tools has a venv of its own).
SITE_GROUPS = ["runtime", "dev", "bench"]
TEST_TOOLS = {"pytest", "playwright", "hypothesis"}
LOCK_LINE = re.compile(
    r"(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+)"
    r"(?P<hashes>(?:\s+--hash=sha256:[0-9a-f]{64})+)"
)
IN_LINE = re.compile(
    r"(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[a-z0-9,-]+\])?==(?P<version>[^\s#]+)"
)


def logical_lines(path):
    """A requirements file's lines, continuations joined, comments and blanks left out."""
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    lines = (line.split(" #")[0].strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def lock(group):
    """{name: version} of a group's lock; every line must be a hashed pin."""
    pins = {}
    for line in logical_lines(REQUIREMENTS / f"{group}.txt"):
        match = LOCK_LINE.fullmatch(line)
        assert match, f"requirements/{group}.txt: not a pin with its hashes: {line[:120]}"
        pins[canonicalize_name(match["name"])] = match["version"]
    return pins


def direct(group):
    """{name: version} of a group's .in file; every line but its -c must be pinned with ==."""
    pins = {}
    for line in logical_lines(REQUIREMENTS / f"{group}.in"):
        if line.startswith("-c "):
            continue
        match = IN_LINE.fullmatch(line)
        assert match, f"requirements/{group}.in: not pinned with ==: {line}"
        pins[canonicalize_name(match["name"])] = match["version"]
    return pins


def test_the_groups_are_the_in_files():
    assert sorted(path.stem for path in REQUIREMENTS.glob("*.in")) == sorted(GROUPS)
    assert sorted(path.stem for path in REQUIREMENTS.glob("*.txt")) == sorted(GROUPS)
    assert not (ROOT / "requirements.txt").exists()


@pytest.mark.parametrize("group", GROUPS)
def test_every_lock_line_is_pinned_with_its_hashes(group):
    pins = lock(group)
    assert pins, group
    text = (REQUIREMENTS / f"{group}.txt").read_text(encoding="utf-8")
    # nothing from this machine (its indexes, a local folder) or outside PyPI
    assert not re.search(r"^\s*(-e|-f|--find-links|--index-url|--extra-index-url)\b", text, re.M)
    assert "file://" not in text and "/opt/" not in text


def test_a_lock_line_without_a_hash_is_refused(tmp_path, monkeypatch):
    (tmp_path / "runtime.txt").write_text(
        "pelican==4.12.0 \\\n    --hash=sha256:" + "0" * 64 + "\nmarkdown==3.11.3\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "REQUIREMENTS", tmp_path)
    with pytest.raises(AssertionError, match=re.escape("markdown==3.11.3")):
        lock("runtime")


@pytest.mark.parametrize("group", GROUPS)
def test_every_direct_dependency_is_pinned_and_locked_at_that_version(group):
    pins, locked = direct(group), lock(group)
    assert pins, group
    for name, version in pins.items():
        assert locked.get(name) == version, (
            f"requirements/{group}.in pins {name}=={version}, its lock holds "
            f"{locked.get(name)}: run make lock"
        )


def test_an_unpinned_direct_dependency_is_refused(tmp_path, monkeypatch):
    (tmp_path / "dev.in").write_text("-c runtime.txt\npytest>=9\n")
    monkeypatch.setattr(sys.modules[__name__], "REQUIREMENTS", tmp_path)
    with pytest.raises(AssertionError, match=re.escape("pytest>=9")):
        direct("dev")


def test_the_runtime_group_holds_no_test_tool():
    runtime = set(lock("runtime"))
    assert not runtime & TEST_TOOLS
    assert set(lock("dev")) >= TEST_TOOLS
    # nor any other direct dependency of the dev or bench group
    assert not runtime & (set(direct("dev")) | set(direct("bench")))


def test_the_groups_of_one_venv_agree_on_every_version():
    runtime = lock("runtime")
    for group in ["dev", "bench"]:
        for name, version in lock(group).items():
            assert runtime.get(name, version) == version, (group, name, version, runtime[name])
    assert REQUIREMENTS.joinpath("dev.in").read_text().count("-c runtime.txt") == 1
    assert REQUIREMENTS.joinpath("bench.in").read_text().count("-c runtime.txt") == 1


def test_the_runtime_lock_holds_the_plugin_its_dependencies_and_its_build_backend():
    plugin = tomllib.loads((ROOT / "plugins/medical-content/pyproject.toml").read_text())
    runtime = lock("runtime")
    for spec in plugin["project"]["dependencies"] + plugin["build-system"]["requires"]:
        requirement = Requirement(spec)
        name = canonicalize_name(requirement.name)
        assert name in runtime, spec
        assert requirement.specifier.contains(runtime[name]), (spec, runtime[name])
    assert "pdm-backend" in direct("runtime")


def test_textstat_imports_without_a_warning():
    """textstat 0.7.3 imports pkg_resources: the locked setuptools must still have it
    (82 removed it) and not print a warning when it is imported (80.9 does)."""
    result = subprocess.run(
        [sys.executable, "-c", "import textstat"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr


def make_rules():
    """{target: (prerequisites, recipe lines)} of the Makefile's rules."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    rules = {}
    for match in re.finditer(r"^([^\s#:=][^:=]*):(?!=)([^\n]*)\n((?:\t[^\n]*\n)*)", makefile, re.M):
        recipe = [line.strip() for line in match[3].splitlines()]
        for target in match[1].split():
            rules[target] = (match[2].split(), recipe)
    return rules


STAMPS = {
    "runtime": "$(INSTALLED)",
    "dev": "$(DEV_INSTALLED)",
    "bench": "$(BENCH_INSTALLED)",
    "tools": "$(TOOLS_INSTALLED)",
}


def test_make_html_installs_the_runtime_group_only_and_make_test_adds_dev():
    rules = make_rules()
    for target in [
        "html",
        "check",
        "publish",
        "serve",
        "labels",
        "reminders",
        "review",
        "approvals",
    ]:
        assert rules[target][0] == [STAMPS["runtime"]], target
    for target in ["test", "test-fast", "lint", "lint-types"]:
        assert STAMPS["dev"] in rules[target][0], target
    assert rules["bench"][0] == [STAMPS["bench"]]
    assert rules[STAMPS["dev"]][0][0] == rules[STAMPS["bench"]][0][0] == STAMPS["runtime"]
    for group, stamp in STAMPS.items():
        recipe = " ".join(rules[stamp][1])
        assert re.findall(r"-r (\S+)", recipe) == [f"requirements/{group}.txt"], group
    plugin = "--no-deps --no-build-isolation --no-index -e ./plugins/medical-content"
    assert plugin in " ".join(rules[STAMPS["runtime"]][1])


def test_every_lock_is_installed_with_its_hashes_and_no_downloaded_build_backend():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    hashed = re.search(r"^HASHED := (.*)$", makefile, re.M)[1]
    assert "--require-hashes" in hashed.split() and "--no-build-isolation" in hashed.split()
    for line in makefile.splitlines():
        if re.search(r"-r requirements/\w+\.txt", line):
            assert "$(HASHED)" in line, line


def test_make_lock_pins_every_group_with_hashes_in_order():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    compile_options = re.search(r"^PIP_COMPILE = (.*?)\n(?!\t)", makefile, re.M | re.S)[1]
    for option in ["--generate-hashes", "--allow-unsafe", "--strip-extras"]:
        assert option in compile_options
    outputs = re.findall(r"--output-file=requirements/(\w+)\.txt requirements/(\w+)\.in", makefile)
    # runtime first: dev and bench take its pins
    assert outputs == [(group, group) for group in GROUPS]
    assert re.search(r"^GROUPS := (.*)$", makefile, re.M)[1].split() == GROUPS


@pytest.mark.parametrize("group", GROUPS)
def test_each_lock_says_how_make_lock_made_it(group):
    header = (REQUIREMENTS / f"{group}.txt").read_text(encoding="utf-8").split("\n\n")[0]
    assert "autogenerated by pip-compile with Python 3.11" in header
    assert f"--output-file=requirements/{group}.txt" in header
    assert "--generate-hashes" in header and f"requirements/{group}.in" in header


DEPENDABOT = ROOT / ".github" / "dependabot.yml"
BIN = Path(sys.executable).parent


def test_dependabot_matches_githubs_schema():
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.dependabot", str(DEPENDABOT)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_watches_pip_npm_and_the_actions_weekly_and_grouped():
    updates = YAML(typ="safe").load(DEPENDABOT.read_text())["updates"]
    assert sorted(update["package-ecosystem"] for update in updates) == [
        "github-actions",
        "npm",
        "pip",
    ]
    for update in updates:
        assert update["directory"] == "/"
        assert update["schedule"]["interval"] == "weekly"
        assert update["cooldown"]["default-days"] >= 7
        version_groups = [
            group
            for group in update["groups"].values()
            if group.get("applies-to", "version-updates") == "version-updates"
        ]
        assert any(group["patterns"] == ["*"] for group in version_groups), update


def test_dependabot_holds_back_what_the_site_pins_on_purpose():
    updates = YAML(typ="safe").load(DEPENDABOT.read_text())["updates"]
    ignored = {
        update["package-ecosystem"]: {rule["dependency-name"] for rule in update["ignore"]}
        for update in updates
        if "ignore" in update
    }
    assert ignored == {"pip": {"textstat", "setuptools"}, "npm": {"html-validate"}}
    # the tests' reference; the build counts with pyphen
    assert direct("dev")["textstat"] == "0.7.3"


def test_ci_looks_for_known_vulnerabilities_in_every_lock_and_the_npm_packages():
    workflow = YAML(typ="safe").load((ROOT / ".github/workflows/site.yml").read_text())
    job = workflow["jobs"]["dependencies"]
    assert job["permissions"] == {"contents": "read"}
    runs = [step.get("run") for step in job["steps"]]
    assert "make pip-audit" in runs and "make npm-audit" in runs
    rules = make_rules()
    pip_audit = " ".join(rules["pip-audit"][1])
    assert "pip-audit --strict --disable-pip" in pip_audit
    assert "for group in $(GROUPS)" in pip_audit and "-r requirements/$$group.txt" in pip_audit
    assert "npm audit --omit=dev" in " ".join(rules["npm-audit"][1])
    assert rules["$(TOOLS_INSTALLED)"][0] == ["requirements/tools.txt"]
    assert "pip-audit" in direct("tools") and "pip-tools" in direct("tools")


def readme_dependencies():
    """{dependency: group} of the README's table of why each dependency is there."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("| dependency | group | why |", 1)[1].split("\n\n", 1)[0]
    groups = {}
    for row in table.splitlines()[2:]:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        for name in re.findall(r"`([^`]+)`", cells[0]):
            groups[canonicalize_name(re.sub(r"\[.*\]", "", name))] = cells[1].split()[0]
    return groups


def test_the_readme_says_why_each_direct_dependency_is_there():
    documented = readme_dependencies()
    named = {name: group for group in GROUPS for name in direct(group)}
    assert {name: documented.get(name) for name in named} == named
    assert set(documented) - set(named) == {"plugins/medical-content"}
