"""Finding the source line a message points at."""

import pytest

from pelican.plugins.medical_content.core.problems import find_line

SOURCE = """\
Title: A page
Summary: Tension headaches and more.

**Tension Headaches:** Tension headaches are common. See [our page](/x/) for more.

- [Tension headaches](/conditions/tension-headache/)
- Chronic low back pain

## Does it hurt?

## Does it hurt?

Most people feel a little pain. Botox is
completely safe. And again
it is completely safe.

Read [the label's
safety section](https://example.org/label) first.
"""


@pytest.mark.parametrize(
    "needle, occurrence, line",
    [
        ("Tension headaches", 1, 6),  # the line that is exactly the text wins
        ("Tension Headaches: Tension headaches are common.", 1, 4),  # emphasis removed
        ("See our page for more.", 1, 4),  # link target removed
        ("Chronic low back pain", 1, 7),
        ("Does it hurt?", 2, 11),
        # a sentence wrapped over lines, as an editor wraps a paragraph: where it starts
        ("Botox is completely safe.", 1, 13),
        ("completely safe.", 2, 15),
        ("Chronic low back pain Does it hurt?", 1, 1),  # not across paragraphs
        ("Read the label's safety section first.", 1, 17),  # a link wrapped inside
        ("Not in the file", 1, 1),
    ],
)
def test_find_line(needle: str, occurrence: int, line: int) -> None:
    assert find_line(SOURCE, needle, occurrence) == line
