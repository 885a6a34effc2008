"""Two pages of one title. A title stands for its page wherever a reader meets it: in
lists of pages (the conditions page lists each condition page by its title), search
results, browser tabs and bookmarks. Two pages of the same title give a reader two links
of the same words, and nothing to choose between them by; the build names the second
(by its path), at its Title line."""

from collections.abc import Callable, Iterable

from ..core.problems import Fault
from ..core.reading import as_read
from .site_paths import P


def duplicate_titles(located: Iterable[P], display: Callable[[P], str]) -> list[tuple[P, Fault]]:
    """[(item, fault)] for each page whose title an earlier page (by path) has, in the
    same language, as a reader reads it (case and spacing aside); drafts are not built."""
    first: dict[tuple[str, str], P] = {}
    found: list[tuple[P, Fault]] = []
    for item in sorted(located, key=display):
        content = item.content
        title = " ".join(as_read(str(content.metadata.get("title") or "")).split())
        if not title or content.metadata.get("status") == "draft":
            continue
        key = (str(getattr(content, "lang", "") or ""), title.casefold())
        if key not in first:
            first[key] = item
            continue
        found.append(
            (
                item,
                Fault(
                    f"the title {title!r} is also the title of {display(first[key])}: "
                    "readers would see two links of the same words (in the lists of pages, "
                    "search results, browser tabs) and could not tell the pages apart",
                    "give this page a title of its own that says how it differs (a condition "
                    "page: the condition it is about), or delete one of the two pages",
                    field="title",
                ),
            )
        )
    return found
