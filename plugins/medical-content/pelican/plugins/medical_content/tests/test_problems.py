"""Finding the source line a message points at."""

import pytest

from pelican.plugins.medical_content.problems import find_line

SOURCE = """\
Title: A page
Summary: Tension headaches and more.

**Tension Headaches:** Tension headaches are common. See [our page](/x/) for more.

- [Tension headaches](/conditions/tension-headache/)
- Chronic low back pain

## Does it hurt?

## Does it hurt?
"""


@pytest.mark.parametrize(
    "needle, occurrence, line",
    [
        ("Tension headaches", 1, 6),  # the line that is exactly the text wins
        ("Tension Headaches: Tension headaches are common.", 1, 4),  # emphasis removed
        ("See our page for more.", 1, 4),  # link target removed
        ("Chronic low back pain", 1, 7),
        ("Does it hurt?", 2, 11),
        ("Not in the file", 1, 1),
    ],
)
def test_find_line(needle: str, occurrence: int, line: int) -> None:
    assert find_line(SOURCE, needle, occurrence) == line
