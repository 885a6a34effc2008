"""The report on the pull request (issue 31): under GitHub Actions a build writes its
compliance report into the job's summary as Markdown: the pages that fail first, then
the pages the pull request changes (git, against its base branch), then every medical
page with its kind, drug and status, reviewer, review due and reading grade."""

import os
import subprocess

from support import article_source, build_command, condition_source, faq_source, git

CONDITION = "pages/conditions/cervical-dystonia.md"
FAQ = "pages/faq.md"
ARTICLE = "articles/botox.md"


def test_the_report_goes_to_the_job_summary_failing_pages_first(fixture_site, tmp_path):
    fixture_site.write(CONDITION, condition_source())
    fixture_site.write(FAQ, faq_source(("Does it hurt?", "A little.")))
    fixture_site.write(ARTICLE, article_source("A text about Botox."))
    git(fixture_site.root, "init", "-q")
    git(fixture_site.root, "add", "content")
    git(fixture_site.root, "commit", "-q", "-m", "the site as the base branch has it")
    # the base branch, as actions/checkout with fetch-depth: 0 leaves it
    git(fixture_site.root, "update-ref", "refs/remotes/origin/main", "HEAD")
    # the pull request changes the condition page, and breaks the FAQ's sources
    fixture_site.write(CONDITION, condition_source(body="## In short\n\nIt is a neck problem."))
    fixture_site.write(FAQ, faq_source(("Does it hurt?", "A little."), Sources="none"))
    git(fixture_site.root, "commit", "-q", "-am", "the pull request")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_BASE_REF": "main"}
    conf = fixture_site.settings_file()
    conf.write_text(conf.read_text() + "MEDICAL_CHANGED_AFTER_REVIEW = 'ignore'\n")
    done = subprocess.run(
        build_command(conf, fixture_site.output), capture_output=True, text=True, env=env
    )
    assert done.returncode == 1  # the FAQ fails
    text = summary.read_text(encoding="utf-8")
    failing, rest = text.split("### Pages this pull request changes\n")
    changed, every = rest.split("### Every medical page\n")
    assert failing.startswith(
        "## Compliance report\n\n**1 page(s) fail a check**: nothing from this build goes "
        "live.\n\n" + HEAD
    )
    assert _pages(failing) == ["content/pages/faq.md"]
    assert _pages(changed) == [
        "content/pages/conditions/cervical-dystonia.md",
        "content/pages/faq.md",
    ]
    assert _pages(every) == [
        "content/articles/botox.md",
        "content/pages/conditions/cervical-dystonia.md",
        "content/pages/faq.md",
    ]
    assert (
        "| `content/pages/faq.md` (1 problem(s)) | faq | BOTOX | Dr. Test Reviewer, "
        "2025-01-31 | 2026-01-31 | 0.5 |"
    ) in failing
    assert (
        "| `content/pages/conditions/cervical-dystonia.md` | condition | BOTOX, approved: "
        "cervical-dystonia | Dr. Test Reviewer, 2025-01-31 | 2026-01-31 |"
    ) in changed


HEAD = (
    "| page | kind | drug and status | reviewer | review due | reading grade |\n"
    "| --- | --- | --- | --- | --- | --- |\n"
)


def _pages(section):
    """The pages of a section's table, in its order."""
    return [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
