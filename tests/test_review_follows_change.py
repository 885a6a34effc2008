"""Review follows change (issue 29): a medical page whose text changed after its
`Reviewed:` day, in a commit or in the working tree, had no review of what readers get.
`make html` marks it, `make publish` (MEDICAL_CHANGED_AFTER_REVIEW = "refuse") refuses it
at its Reviewed line, however small the edit; setting the review's own fields is the
sign-off, not a change; the reviewer's `Edits_accepted:` covers the edits they accept;
and a checkout without the history cannot tell, so a publish from it stops."""

import json
import subprocess

import pytest
from support import FIXTURE_TODAY, build_command, condition_source, git

PAGE = "pages/conditions/cervical-dystonia.md"
URL = "conditions/cervical-dystonia/index.html"
BODY = "## In short\n\nIt is a neck problem. Botox can help."
# the page's header as ``condition_source`` writes it: Date, Summary, Reviewed (line 3)...
REVIEWED_LINE = 3


def commit(site, day, **page):
    site.write(PAGE, condition_source(**page))
    git(site.root, "add", "content", day=day)
    git(site.root, "commit", "-q", "-m", f"the page as of {day}", day=day)


def build(site, mode, content=None):
    """`make html` (mode "mark") or the gate of `make publish` ("refuse") on the site."""
    conf = site.settings_file()
    text = conf.read_text(encoding="utf-8") + f"MEDICAL_CHANGED_AFTER_REVIEW = {mode!r}\n"
    if content is not None:
        text += f"PATH = {str(content)!r}\n"
    conf.write_text(text, encoding="utf-8")
    done = subprocess.run(
        build_command(conf, site.output), capture_output=True, text=True, timeout=300
    )
    return done.returncode, done.stdout + done.stderr


def changed_error(day, where):
    return (
        f"ERROR content/{PAGE}:{REVIEWED_LINE}: the page's text changed on {day} ({where}), "
        "after its review on 2025-01-31: readers would get text its reviewer has not seen; "
        "have Dr. Test Reviewer review the changes (git log -p --since=2025-01-31 on this "
        "file lists them), then set 'Reviewed:' to the day of that review; an edit that "
        "leaves the medical content as it was (a typo) needs the reviewer's word too: "
        "'Edits_accepted: <day>'"
    )


@pytest.fixture
def site(fixture_site):
    """A site in git whose condition page was reviewed on 2025-01-31 and committed then."""
    git(fixture_site.root, "init", "-q")
    commit(fixture_site, "2025-01-31", body=BODY)
    return fixture_site


def last_commit(site):
    return git(site.root, "log", "-1", "--format=%h").strip()


def test_a_page_committed_as_it_was_reviewed_is_reviewed(site):
    status, log = build(site, "refuse")
    assert status == 0, log
    page = (site.output / URL).read_text(encoding="utf-8")
    assert "Medically reviewed by" in page and "Changed since its medical review" not in page


def test_a_one_letter_edit_after_the_review_is_refused_by_a_publish(site):
    commit(site, "2025-02-10", body=BODY.replace("neck", "nekc"))
    status, log = build(site, "refuse")
    assert status == 1
    assert changed_error("2025-02-10", f"commit {last_commit(site)}") in log.splitlines()
    assert not site.output.exists()


def test_make_html_marks_a_page_changed_after_its_review(site):
    commit(site, "2025-02-10", body=BODY + " It is injected into the neck muscles.")
    status, log = build(site, "mark")
    assert status == 0, log
    assert "1 page(s) changed after their review" in log
    page = (site.output / URL).read_text(encoding="utf-8")
    assert "<strong>Changed since its medical review.</strong>" in page
    assert 'its text changed on <time datetime="2025-02-10">10 February 2025</time>' in page
    assert 'class="preview-notice"' in page  # the whole site is a preview, not indexed
    report = json.loads((site.root / "compliance-report.json").read_text(encoding="utf-8"))
    assert report["preview"] is True  # tools/publishable.py will not upload it
    start = page.index('<script type="application/ld+json">')
    graph = page[start : page.index("</script>", start)]
    assert "lastReviewed" not in graph and "reviewedBy" not in graph  # no review of this text


def test_edits_not_committed_yet_changed_today(site):
    site.write(PAGE, condition_source(body=BODY + " Ask your doctor."))
    status, log = build(site, "refuse")
    assert status == 1
    assert changed_error(FIXTURE_TODAY, "edits not committed yet") in log.splitlines()


def test_setting_the_review_is_the_sign_off_not_a_change(site):
    commit(site, "2025-02-10", body=BODY + " Ask your doctor.")
    # the reviewer reviews the change on 2025-02-12; the commit lands days later
    commit(site, "2025-02-15", body=BODY + " Ask your doctor.", Reviewed="2025-02-12")
    status, log = build(site, "refuse")
    assert status == 0, log


def test_a_line_of_the_text_that_starts_like_a_review_field_is_a_change(site):
    # one line added, the paragraph's last: readers get it, whatever it starts with
    commit(site, "2025-02-10", body=BODY + "\nReviewed: it works for every kind of neck pain.")
    status, log = build(site, "refuse")
    assert status == 1
    assert changed_error("2025-02-10", f"commit {last_commit(site)}") in log.splitlines()


def test_the_reviewer_accepts_edits_in_the_page(site):
    commit(site, "2025-02-10", body=BODY.replace("neck", "nekc"))
    commit(site, "2025-02-11", body=BODY, Edits_accepted="2025-02-11")
    assert build(site, "refuse")[0] == 0
    # the acceptance covers edits up to its day, not the ones after it
    commit(site, "2025-03-01", body=BODY + " More.", Edits_accepted="2025-02-11")
    status, log = build(site, "refuse")
    assert status == 1 and "the page's text changed on 2025-03-01" in log


def test_an_acceptance_before_the_review_is_an_error(site):
    site.write(PAGE, condition_source(body=BODY, Edits_accepted="2025-01-01"))
    git(site.root, "commit", "-q", "-am", "accept", day="2025-01-31")
    status, log = build(site, "mark")
    assert status == 1
    assert (
        "Edits_accepted 2025-01-01 is not after Reviewed 2025-01-31; the reviewer writes the "
        "day they accepted the edits since their review, after Reviewed and not later than "
        "today; delete the line otherwise"
    ) in log


def test_a_publish_from_a_shallow_clone_stops(site, tmp_path_factory):
    commit(site, "2025-02-10", body=BODY + " Ask your doctor.")
    clone = tmp_path_factory.mktemp("shallow") / "site"
    git(site.root, "clone", "-q", "--depth", "1", f"file://{site.root}", str(clone))
    status, log = build(site, "refuse", content=clone / "content")
    assert status == 1 and "Traceback" not in log
    assert (
        "make publish needs the git history of the content folder to tell whether a page "
        "changed after its review, and the checkout is shallow (fetch the whole history: "
        "fetch-depth: 0)"
    ) in log
    # make html marks nothing it cannot know, and says so
    status, log = build(site, "mark", content=clone / "content")
    assert status == 0 and "cannot tell which pages changed after their review" in log


def test_a_publish_outside_a_git_work_tree_stops(fixture_site):
    fixture_site.write(PAGE, condition_source(body=BODY))
    status, log = build(fixture_site, "refuse")
    assert status == 1
    assert "and the content folder is not in a git work tree; build from a clone" in log
