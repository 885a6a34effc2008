"""A Markdown source's metadata header, read line by line as Python-Markdown's "meta"
extension reads it, so that every fault about a key can name the line it is on."""

import re
from dataclasses import dataclass

from .problems import Fault

# A header line as Python-Markdown's "meta" extension reads it.
_HEADER_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$")


@dataclass(frozen=True)
class HeaderLine:
    line: int
    written: str  # the key as the writer typed it
    value: str


def header_lines(text: str) -> tuple[dict[str, HeaderLine], list[Fault]]:
    """{lower-case key: HeaderLine} of a Markdown metadata header, and the faults of
    a key written twice (Markdown would join the two values)."""
    found: dict[str, HeaderLine] = {}
    faults: list[Fault] = []
    end = text.find("\n\n")  # the header ends at the first blank line: split only it
    head = text if end < 0 else text[: end + 1]
    for number, line in enumerate(head.splitlines(), start=1):
        if not line.strip():
            break
        match = _HEADER_LINE.match(line)
        if match:
            written, value = match.group(1), match.group(2).strip()
            name = written.lower()
            if name in found:
                faults.append(
                    Fault(
                        f"{header_name(name)} is written twice (also on line {found[name].line})",
                        "keep one line for it and delete the other",
                        line=number,
                    )
                )
                continue
            found[name] = HeaderLine(number, written, value)
        elif not line.startswith("    "):  # a value's continuation is indented
            break
    return found, faults


def header_name(name: str) -> str:
    """A key as a writer types it: ``regulatory_status`` -> ``Regulatory_status``."""
    return name[:1].upper() + name[1:]
