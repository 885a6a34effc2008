"""Files of the content folder that may not be built are refused before Pelican reads or
copies anything (issue 29): a symbolic link out of the project (it would publish what it
points at), a link that loops (the walk would never end), a Markdown source over 1 MB.
Each is named at its path with the fix, nothing is written, and `make html` exits 1."""

import os

import pytest
from support import refused, run_build

from pelican.plugins.medical_content.checks.files import MAX_SOURCE_BYTES

# Slow: each case is a build in a process of its own, as `make html` runs it.
pytestmark = pytest.mark.slow


def errors(printed):
    return [line[len("ERROR ") :] for line in printed.splitlines() if line.startswith("ERROR ")]


def test_a_link_out_of_the_project_is_refused_and_nothing_is_written(fixture_site, tmp_path):
    secret = tmp_path.parent / f"{tmp_path.name}-secret.txt"
    secret.write_text("a private key\n", encoding="utf-8")
    (fixture_site.content / "pages" / "key.md").symlink_to(secret)
    printed = refused(fixture_site)
    assert errors(printed) == [
        f"content/pages/key.md:1: the symbolic link leads outside the project, to {secret}: "
        "the build would publish that file with the site; delete the link, and copy into "
        "content/ only what the site should publish"
    ]
    assert "nothing was read or written" in printed and "Traceback" not in printed
    assert not fixture_site.output.exists()


def test_a_link_that_loops_is_refused_at_once(fixture_site):
    loop = fixture_site.content / "pages" / "loop"
    loop.symlink_to(loop)
    (fixture_site.content / "pages" / "up").symlink_to(fixture_site.content)
    printed = refused(fixture_site)
    assert errors(printed) == [
        f"content/pages/{name}:1: the symbolic link loops (it leads back to itself or to a "
        "folder above it): reading it would never end; delete the link, and put the file "
        "itself in content/"
        for name in ("loop", "up")
    ]
    assert not fixture_site.output.exists()


def test_a_source_over_the_limit_is_refused_before_markdown_reads_it(fixture_site):
    big = fixture_site.content / "pages" / "huge.md"
    big.write_text("Title: Huge\n\n" + "word " * (MAX_SOURCE_BYTES // 5 + 10), encoding="utf-8")
    printed = refused(fixture_site)
    assert errors(printed) == [
        f"content/pages/huge.md:1: the file is {os.path.getsize(big) / (1 << 20):.1f} MB, "
        "more than the 1 MB a page may be; split it into pages of their own, or take out "
        "what is not text (an image belongs in content/images/)"
    ]


def test_a_link_inside_the_project_builds(fixture_site):
    shared = fixture_site.root / "shared-image.svg"
    shared.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    (fixture_site.content / "images").mkdir(exist_ok=True)
    (fixture_site.content / "images" / "shared.svg").symlink_to(shared)
    done = run_build(fixture_site)
    assert done.returncode == 0, done.stdout + done.stderr
