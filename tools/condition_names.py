"""The writers' guide's table of the condition names the label registry knows: what a
condition page's `Condition:` may say, for each product (`Drug:`), made from the
registry's label files, so that the guide never lists a name the build would not take
(tests/test_writers_guide.py holds the guide to it).

    python tools/condition_names.py          # print the table
    python tools/condition_names.py --write  # put it into docs/writers-guide.md

The table stands in the guide between the lines ``BEGIN`` and ``END``. Names are as the
label files write them (the build also takes them in any case, with hyphens or spaces,
and a plural "s" more or less).
"""

import argparse
import sys
import tomllib
from pathlib import Path

from pelican.plugins.medical_content.registry import labels

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "writers-guide.md"
BEGIN = "<!-- condition names: made by tools/condition_names.py from the label registry -->"
END = "<!-- end of the condition names -->"


def table(registry: labels.Registry) -> str:
    lines = [
        "| `Drug:` | product | condition, as its label names it | other names the build takes |",
        "| --- | --- | --- | --- |",
    ]
    for key, label in sorted(registry.labels.items()):
        with open(label.path, "rb") as data:
            written = tomllib.load(data)["indications"]
        for number, indication in enumerate(written):
            condition = indication["condition"]
            others = [
                name
                for name in dict.fromkeys(indication.get("synonyms", []))
                if name.casefold() != condition.casefold()
            ]
            first = number == 0
            lines.append(
                f"| {f'`{key}`' if first else ''} | {label.brand if first else ''} | "
                f"{condition} | {', '.join(others)} |"
            )
    return "\n".join(lines)


def with_table(guide: str, made: str) -> str:
    """The guide with ``made`` between its markers."""
    if BEGIN not in guide or END not in guide:
        raise ValueError(f"{GUIDE} has no {BEGIN!r} ... {END!r} lines to put the table between")
    head, rest = guide.split(BEGIN, 1)
    return f"{head}{BEGIN}\n{made}\n{END}{rest.split(END, 1)[1]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write it into the guide")
    args = parser.parse_args(argv)
    made = table(labels.load([labels.HERE]))
    if not args.write:
        print(made)
        return 0
    GUIDE.write_text(with_table(GUIDE.read_text(encoding="utf-8"), made), encoding="utf-8")
    print(f"Wrote the condition names into {GUIDE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
