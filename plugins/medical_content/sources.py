"""A medical page's sources, from its ``Sources:`` metadata: one Markdown link a line.

    Sources: [BOTOX US Prescribing Information](https://www.rxabbvie.com/pdf/botox_pi.pdf)
        [Our article](/articles/botox-for-chronic-pain/)
"""

import re
from dataclasses import dataclass

from . import urls
from .problems import Fault

_LINK = re.compile(r"^\[(?P<title>[^\]]+)\]\((?P<url>[^)\s]+)\)$")


@dataclass(frozen=True)
class Source:
    title: str
    url: str


def sources_of(metadata, regulatory):
    """(sources, faults): the parsed list, and what is wrong with it; ``regulatory``: a
    condition page's ``status.Status`` (an approved use must cite its label)."""
    value = metadata.get("sources")
    if not value:
        return [], []  # the schema check names what is missing
    lines = value if isinstance(value, list) else str(value).splitlines()
    found, faults = [], []
    for line in (raw.strip() for raw in lines):
        match = _LINK.match(line)
        if not line:
            continue
        if match and not urls.allowed(match["url"]):
            faults.append(Fault(
                f"the source address {match['url'][:60]!r} is not allowed: only http(s), "
                "mailto: and tel: addresses and the site's own pages are (a script address "
                "would run when a reader clicks it)",
                "link to the source's web address, [Title](https://address)", field="sources"))
        elif match:
            found.append(Source(match["title"].strip(), match["url"]))
        else:
            faults.append(Fault(
                f"the source {line!r} is not a Markdown link",
                "write each source on its own line as [Title](https://address), the "
                "lines after the first indented by 4 spaces", field="sources"))
    if regulatory is not None and regulatory.approved:
        label = regulatory.label
        if not set(label.urls) & {source.url for source in found}:
            faults.append(Fault(
                "an approved use must cite the prescribing information, and it does not",
                f"add [{label.brand} US Prescribing Information]({label.url}) to Sources",
                field="sources"))
    return found, faults
