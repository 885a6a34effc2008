"""The evasions corpus (tests/evasions/): ways to write an off-label use as approved
("Botox is FDA-approved for tension headaches.") or to overstate safety ("Botox is
completely safe.") that a reader still gets (a sighted reader in a browser, a
screen-reader user, a search engine), though the words of the Markdown source do not
say it: invisible characters inside a word, look-alike letters, markup that shows other
words or another order, text outside paragraphs (alt and title text, table headers, an
SVG's text, header fields), and a copy of the theme's green "FDA-approved use" box.

Each case is the real content/pages/conditions/tension-headache.md with one evasion;
expected.toml gives its family, the line it is written on and what the reader gets.
All the cases, and a copy of the unmodified page, are built together with the real
site's content in ONE build through tools/build.py (as `make html` runs it): the build
must refuse, and name each case's file and line."""

import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from support import ROOT, TODAY, FixtureSite, run_build

# One build of the real site and ~90 pages: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow

EVASIONS = Path(__file__).parent / "evasions"
EXPECTED = tomllib.loads((EVASIONS / "expected.toml").read_text(encoding="utf-8"))
CASES = sorted(EXPECTED)
FAMILIES = {"invisible", "lookalike", "markup", "outside", "status-box"}
ORIGINAL = ROOT / "content" / "pages" / "conditions" / "tension-headache.md"
# The unmodified page under a name (and a title) of its own: it must build without an
# error, so that an error at a case's line is the evasion's, not the page's.
CONTROL = "tension-headache-control"
CONDITIONS = "content/pages/conditions"


class RealContentSite(FixtureSite):
    """A fixture site that holds the real site's content, built on the day the real
    site's tests take as today (its pages were reviewed after the fixtures' today)."""

    def settings_file(self):
        path = super().settings_file()
        settings = path.read_text(encoding="utf-8")
        path.write_text(settings + f"MEDICAL_TODAY = {TODAY!r}\n", encoding="utf-8")
        return path


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(the site, everything the build printed, its exit status): the real content, every
    case page in content/pages/conditions/, the images they show in content/images/ and
    the control page, built once."""
    site = RealContentSite(tmp_path_factory.mktemp("evasions"))
    shutil.copytree(ROOT / "content", site.content, dirs_exist_ok=True)
    conditions = site.content / "pages" / "conditions"
    for case in CASES:
        shutil.copy(EVASIONS / f"{case}.md", conditions / f"{case}.md")
    shutil.copytree(EVASIONS / "images", site.content / "images", dirs_exist_ok=True)
    # and a title of its own: a second page of one title is refused at its Title line
    title, text = ORIGINAL.read_text(encoding="utf-8").split("\n", 1)
    (conditions / f"{CONTROL}.md").write_text(f"{title} (a copy)\n{text}", encoding="utf-8")
    result = run_build(site)
    return site, result.stdout + result.stderr, result.returncode


def errors(output):
    return [line for line in output.splitlines() if line.startswith("ERROR ")]


def errors_naming(output, name):
    return [line for line in errors(output) if f"{CONDITIONS}/{name}.md:" in line]


def test_every_case_file_has_an_entry_in_expected_toml_and_every_entry_a_file():
    files = {p.name for p in EVASIONS.iterdir()} - {"expected.toml", "images"}
    assert {name for name in files if not name.endswith(".md")} == set()
    assert {name.removesuffix(".md") for name in files} == set(EXPECTED)


@pytest.mark.parametrize("case", CASES)
def test_each_entry_names_its_family_the_line_of_its_evasion_and_what_a_reader_gets(case):
    entry = EXPECTED[case]
    assert set(entry) == {"family", "line", "what"}, case
    assert entry["family"] in FAMILIES
    assert re.fullmatch(rf"{re.escape(entry['family'])}-[1-9][0-9]*", case)
    assert entry["what"].strip() and "\n" not in entry["what"]
    lines = (EVASIONS / f"{case}.md").read_text(encoding="utf-8").splitlines()
    original = ORIGINAL.read_text(encoding="utf-8").splitlines()
    # the line holds what the case added or changed: it is not a line of the real page
    assert 1 <= entry["line"] <= len(lines)
    assert lines[entry["line"] - 1] not in original, lines[entry["line"] - 1]
    # a page of its own: a title no other case has, short enough not to be cut
    title = lines[0].removeprefix("Title: ")
    assert lines[0].startswith("Title: ") and len(title) < 70
    assert lines[1:5] == original[1:5]  # Kind, Condition, Alternate_name, status kept


def test_case_titles_are_unique():
    titles = [
        (EVASIONS / f"{case}.md").read_text(encoding="utf-8").splitlines()[0] for case in CASES
    ]
    assert len(set(titles)) == len(titles)


def test_the_build_refuses_with_no_traceback_and_publishes_nothing(built):
    site, output, returncode = built
    assert "Traceback" not in output, output[-3000:]
    assert returncode == 1, output[-3000:]
    assert not site.output.exists()


@pytest.mark.parametrize("case", CASES)
def test_the_evasion_is_refused_at_its_line(built, case):
    _, output, _ = built
    where = f"{CONDITIONS}/{case}.md:{EXPECTED[case]['line']}:"
    found = errors_naming(output, case)
    assert any(where in line for line in found), (
        f"no ERROR names {where} ({EXPECTED[case]['what']}); "
        + (f"the ERRORs that name {case}.md: {found}" if found else f"none names {case}.md")
    )


def test_the_unmodified_page_under_another_name_builds_without_an_error(built):
    site, output, _ = built
    assert errors_naming(output, CONTROL) == []
    # and the build did read and check it: its row of the compliance report, no problem
    report = json.loads((site.root / "compliance-report.json").read_text(encoding="utf-8"))
    [row] = [page for page in report["pages"] if page["page"] == f"{CONDITIONS}/{CONTROL}.md"]
    assert row["problems"] == 0, row
