"""Helpers of the site's tests: where the site is, its pages, its builder, a small site
built with its settings and theme, and what more than one test module uses. The plugin's
own helpers (the Markdown of each kind of page, readers of a written page) are in
pelican.plugins.medical_content.tests.support; they are here too, from there."""

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from pelican.settings import read_settings

from pelican.plugins.medical_content.registry import labels
from pelican.plugins.medical_content.tests import support as plugin
from pelican.plugins.medical_content.tests.support import (
    FIXTURE_TODAY,
    LABEL_URL,
    article_source,
    condition_source,
    errors,
    fails,
    faq_node,
    faq_source,
    fresh_log_filter,
    read_page,
    source,
    text_of,
    visible_faq,
)
from tools.build import build

__all__ = [
    "FIXTURE_TODAY",
    "LABEL_URL",
    "article_source",
    "condition_source",
    "errors",
    "fails",
    "faq_node",
    "faq_source",
    "fresh_log_filter",
    "read_page",
    "source",
    "text_of",
    "visible_faq",
]

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_FILE = ROOT / "pelicanconf.py"
# What a production build (publishconf.py) of the tests reads for its reviewers: the
# clinic's file once its clinicians are named (see the file). Another reviewers file, like
# the tests' fixed date, weakens the publish policy, which would stop the build: these
# builds say so (MEDICAL_POLICY), and tests/test_publish_policy.py builds with the policy.
SIGNED_OFF = {
    "MEDICAL_REVIEWERS_FILE": str(Path(__file__).parent / "reviewers-signed-off.toml"),
    # and once they have reviewed the text as it is now (the pages changed after their
    # review: tests/test_review_follows_change.py builds that case)
    "MEDICAL_CHANGED_AFTER_REVIEW": "ignore",
    "MEDICAL_POLICY": "local",
}
# The clinic's article as it reached us (a copy of ../shared/source/). Since the correction
# of issue 15 the site publishes it rewritten (see the README and the "What we changed" page);
# the FAQ still asks its four questions word for word.
SOURCE_ARTICLE = ROOT / "source" / "botox-chronic-pain-article.txt"
# What a build or tool started in a process of its own inherits of the tests' import
# path: with PYTHONPATH set (a git worktree whose plugin is not the one installed in the
# virtual environment), the process imports the plugin under test, not the installed one.
IMPORT_PATH = {"PYTHONPATH": os.environ["PYTHONPATH"]} if os.environ.get("PYTHONPATH") else {}
# The day the tests take as today, so that no test depends on the real date.
TODAY = "2026-11-25"

# The real site's pages, as URL paths.
CONDITIONS = {
    "migraine": "approved",
    "tension-headache": "off-label",
    "cervical-dystonia": "approved",
    "chronic-low-back-pain": "off-label",
    "tmj-disorders": "off-label",
    "overactive-bladder": "approved",
    "limb-spasticity": "approved",
}
ARTICLE = "/articles/botox-for-chronic-pain/"
CONDITION_PAGES = [f"/conditions/{slug}/" for slug in CONDITIONS]
MEDICAL_PAGES = [ARTICLE, "/faq/", *CONDITION_PAGES]
# Every page a reader reaches by the menu or a link
ALL_PAGES = ["/", "/conditions/", "/about/", "/search/", "/what-we-changed/", *MEDICAL_PAGES]
# Every HTML file the real site builds: those, the 404 page and the list of articles
SITE_PAGES = sorted([*ALL_PAGES, "/404.html", "/articles/"])

# The BOTOX label the plugin ships, as its checks read it.
BOTOX = labels.load([labels.HERE])["botox"]

# A paragraph of the clinic's source article that calls off-label uses approved.
SOURCE_PARAGRAPH = """\
Another significant benefit of Botox for chronic pain management is its versatility. \
Botox has been approved for the treatment of a variety of chronic pain conditions, including:

- Migraine headaches
- Tension headaches
- Cervical dystonia (neck muscle spasms)
- Chronic low back pain
- Temporomandibular joint (TMJ) disorders
- Overactive bladder
- Chronic limb spasticity
"""


def off_label_pages(site):
    """Writes the condition pages of three off-label uses, each saying plainly that Botox
    is not FDA-approved for that use: what a site has when claims about them are checked."""
    for slug, name, alternates in [
        ("tension-headache", "Tension headache", "Tension-type headache"),
        ("chronic-low-back-pain", "Chronic low back pain", "Low back pain, Lower back pain"),
        ("tmj-disorders", "TMJ disorders", "Temporomandibular joint disorders, TMJ, TMD"),
    ]:
        site.write(
            f"pages/conditions/{slug}.md",
            condition_source(
                Title=f"Botox and {name}",  # two pages of one title are refused
                Condition=name,
                Alternate_name=alternates,
                Regulatory_status="off-label",
                drop=["Indication"],
                body=f"## In short\n\nBotox is not FDA-approved for {name}.",
            ),
        )


def build_command(settings_file, output):
    """tools/build.py (what `make html` and `make publish` run) as a command line, one
    plain log line per message."""
    return [
        sys.executable,
        str(ROOT / "tools" / "build.py"),
        str(settings_file),
        str(output),
        "--log-handler",
        "plain",
    ]


def build_real_site(tmp_path_factory, name, settings_file=SETTINGS_FILE, **overrides):
    """The real site built through the same path as `make html` (or, with publishconf.py,
    `make publish`) into a folder of its own; returns the output folder."""
    output = tmp_path_factory.mktemp(name) / "output"
    build(
        str(settings_file),
        str(output),
        overrides={
            "CACHE_PATH": str(tmp_path_factory.mktemp("cache")),
            "MEDICAL_TODAY": TODAY,
            **overrides,
        },
    )
    return output


class FixtureSite(plugin.FixtureSite):
    """A small site in tmp_path built with the real settings, theme and plugins."""

    def __init__(self, tmp_path):
        super().__init__(tmp_path, theme=ROOT / "theme")

    def copy_theme(self):
        """A private copy of the real theme, for tests that break it."""
        self.theme = self.root / "theme"
        shutil.copytree(ROOT / "theme", self.theme)
        return self.theme

    def settings(self, **overrides):
        return read_settings(
            str(SETTINGS_FILE),
            override={
                **self.paths(),
                "PLUGIN_PATHS": [str(ROOT / "plugins")],
                # Fixture sites test content checks; search and compression are tested on the
                # real site, and would only slow these builds down.
                "SITE_BUILD_SEARCH_INDEX": False,
                "PRECOMPRESS_GZIP": False,
                "PRECOMPRESS_BROTLI": False,
                **overrides,
            },
        )

    def settings_file(self):
        """A settings file for the tools that read one: the real settings, this site."""
        path = self.root / "conf.py"
        path.write_text(
            f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
            "from pelicanconf import *  # noqa\n"
            f"PATH = {str(self.content)!r}\n"
            f"THEME = {str(self.theme)!r}\n"
            f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
            f"CACHE_PATH = {str(self.root / 'cache')!r}\n"
            f"MEDICAL_TODAY = {FIXTURE_TODAY!r}\n"
        )
        return path

    def build_command(self):
        """`make html` as a command line: tools/build.py on this site."""
        return build_command(self.settings_file(), self.output)


def git(root, *arguments, day="2025-01-31"):
    """git in ``root`` as a writer of the tests, its commits dated ``day`` (the review
    history's tests read the dates); its output."""
    stamp = f"{day}T12:00:00+00:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "A writer",
        "GIT_AUTHOR_EMAIL": "writer@example.org",
        "GIT_COMMITTER_NAME": "A writer",
        "GIT_COMMITTER_EMAIL": "writer@example.org",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
    }
    return subprocess.run(
        ["git", *arguments], cwd=root, env=env, check=True, capture_output=True, text=True
    ).stdout


def run_build(fixture_site):
    """`make html` on a fixture site, in a process of its own."""
    return subprocess.run(
        fixture_site.build_command(),
        capture_output=True,
        text=True,
        cwd=fixture_site.root,
        timeout=300,
    )


def refused(fixture_site):
    """`make html` on a fixture site that it must refuse (exit status 1): what it printed."""
    result = run_build(fixture_site)
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout + result.stderr


def default_ctrl_c():
    """A shell starts background jobs with Ctrl-C ignored, and a child inherits that (so
    would a test run started with `&`): give the build the handling a terminal gives it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def precision_recall(name, verdicts, refused="refuse"):
    """'<name>: precision P, recall R (...)' of (expected, got) verdict pairs, or None
    when none were taken; ``refused``: the verdict that means the check caught it."""
    if not verdicts:
        return None
    caught = sum(1 for want, got in verdicts if want == got == refused)
    flagged = sum(1 for _, got in verdicts if got == refused)
    false = sum(1 for want, _ in verdicts if want == refused)
    precision = caught / flagged if flagged else 1.0
    recall = caught / false if false else 1.0
    return (
        f"{name}: precision {precision:.3f}, recall {recall:.3f} "
        f"({len(verdicts)} sentences, {false} to refuse, {caught} refused)"
    )
