"""The review packet (issue 31): `make review` writes, for each medical page whose text
changed since its review, one HTML document: what the reviewer signs, the diff since the
version they reviewed (from git), every statement of approval, benefit or risk with the
checks' verdict and the sources it cites, the facts shown from the label and course data
with where each comes from, the reading grade, and the page as readers will see it."""

import subprocess

from lxml import html
from support import FIXTURE_TODAY, ROOT, build_command, condition_source, faq_source, git

PAGE = "pages/conditions/cervical-dystonia.md"
FAQ = "pages/faq.md"
BODY = "## In short\n\nIt is a neck problem. Botox can help."
ADDED = (
    " It is FDA-approved for tension headaches. Side effects can include neck pain, as "
    "[the label](https://www.rxabbvie.com/pdf/botox_pi.pdf) says."
)


def make_review(settings_file, root):
    """`make review` (tools/build.py --review-packets) with the settings file: the
    packets go to review/ in ``root``, the site built for them beside it."""
    folder = root / "review"
    done = subprocess.run(
        [*build_command(settings_file, root / "review-site"), "--review-packets", str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return done, folder


def sections(path):
    """{heading: the text after it, up to the next heading} of a packet."""
    body = html.parse(str(path)).getroot().find("body")
    found, heading = {}, ""
    for element in body:
        if element.tag in ("h1", "h2"):
            heading = " ".join(element.text_content().split())
            found[heading] = ""
        else:
            # a table's cells apart, as a reader reads them
            words = (
                " ".join(element.itertext()) if element.tag == "table" else element.text_content()
            )
            found[heading] += " ".join(words.split()) + "\n"
    return found


def test_a_page_changed_since_its_review_gets_a_packet(fixture_site):
    fixture_site.write(PAGE, condition_source(body=BODY))
    fixture_site.write(FAQ, faq_source(("Does it hurt?", "A little.")))
    git(fixture_site.root, "init", "-q")
    git(fixture_site.root, "add", "content")
    git(fixture_site.root, "commit", "-q", "-m", "reviewed", day="2025-01-31")
    reviewed_version = git(fixture_site.root, "log", "-1", "--format=%h").strip()
    fixture_site.write(PAGE, condition_source(body=BODY + ADDED))
    git(fixture_site.root, "commit", "-q", "-am", "an edit after the review", day="2025-02-10")

    done, folder = make_review(fixture_site.settings_file(), fixture_site.root)
    assert done.returncode == 1  # the false approval claim fails the build, not the packet
    # only the page that changed since its review
    assert sorted(p.name for p in folder.iterdir()) == [
        "conditions-cervical-dystonia.html",
        "index.html",
    ]
    packet = sections(folder / "conditions-cervical-dystonia.html")
    assert list(packet) == [
        "Review packet: Botox for cervical dystonia",
        "What you sign",
        f"What changed since the reviewed version (commit {reviewed_version})",
        "Statements of approval, benefit and risk",
        "Facts shown from the label and course data",
        "Reading grade",
        "The page's sources",
        "The page as readers will see it",
    ]
    assert packet["Review packet: Botox for cervical dystonia"].startswith(
        "content/pages/conditions/cervical-dystonia.md, at /conditions/cervical-dystonia/. "
        "Reviewed by Dr. Test Reviewer on 2025-01-31; its text changed on 2025-02-10 (commit "
    )
    assert f"Reviewed: {FIXTURE_TODAY} Reviewer: dr-test" in packet["What you sign"]
    diff = packet[f"What changed since the reviewed version (commit {reviewed_version})"]
    assert "-It is a neck problem. Botox can help." in diff
    assert (
        "+It is a neck problem. Botox can help. It is FDA-approved for tension headaches." in diff
    )
    statements = packet["Statements of approval, benefit and risk"]
    assert (
        "It is FDA-approved for tension headaches. approval refused: it calls 'tension "
        "headaches' approved;"
    ) in statements
    assert (
        "Side effects can include neck pain, as the label says. benefit or risk passes: the "
        "risk-language rules find no overstatement the label"
    ) in statements
    facts = packet["Facts shown from the label and course data"]
    # each fact with where its words were read: the label's section, or another source
    assert (
        "status line Cervical dystonia in adults. BOTOX: read in another source, not in the "
        "label itself"
    ) in facts
    assert (
        "risks The label has a warning about trouble swallowing and trouble breathing after "
        "treatment. BOTOX prescribing information, section 5.6 Dysphagia and Breathing "
        "Difficulties: read in the label, 5.6 Dysphagia and Breathing Difficulties"
    ) in facts
    assert packet["Reading grade"].startswith("Flesch-Kincaid grade ")
    assert "It is a neck problem." in packet["The page as readers will see it"]
    index = html.parse(str(folder / "index.html")).getroot()
    assert [a.get("href") for a in index.iter("a")] == ["conditions-cervical-dystonia.html"]


def test_no_page_changed_since_its_review_no_packet(fixture_site):
    fixture_site.write(PAGE, condition_source(body=BODY))
    git(fixture_site.root, "init", "-q")
    git(fixture_site.root, "add", "content")
    git(fixture_site.root, "commit", "-q", "-m", "reviewed", day="2025-01-31")
    done, folder = make_review(fixture_site.settings_file(), fixture_site.root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert [p.name for p in folder.iterdir()] == ["index.html"]
    assert "No medical page changed since its review." in (folder / "index.html").read_text()


def test_the_migraine_page_of_the_real_site_gets_its_packet(tmp_path):
    """The site writers use: its pages changed after their review (2026-11-20), so
    `make review` writes the migraine page's packet with the diff since the reviewed
    version and each of its approval claims with the label it rests on."""
    done, folder = make_review(ROOT / "pelicanconf.py", tmp_path)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    packet = sections(folder / "conditions-migraine.html")
    changed = next(heading for heading in packet if heading.startswith("What changed since"))
    assert "+Reviewed:" not in packet[changed] and "@@" in packet[changed]
    statements = packet["Statements of approval, benefit and risk"]
    assert (
        "FDA-approved use. approval passes: nothing it calls approved lies outside the label"
        in (statements)
    )
    assert "refused" not in statements  # the page builds: no statement is refused
    facts = packet["Facts shown from the label and course data"]
    assert "status line Prevention of headaches in adults with chronic migraine" in facts
