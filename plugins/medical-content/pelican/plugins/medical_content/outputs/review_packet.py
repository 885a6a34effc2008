"""The review packet of a medical page whose text changed since its review: one HTML
document a clinician reads before signing (``make review``; CI uploads them with a pull
request). What they sign first, then what changed since the version they reviewed (a diff
from git), every statement of approval, benefit or risk with the checks' verdict and the
sources it cites, the facts the page shows from the label and course data with where each
comes from, the reading grade, the page's sources, and the page as readers will see it.
"""

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..judges.statements import Statement
from ..page.review import Change

Fact = tuple[str, str, str, str]  # (what, the words shown, where from, its address)

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:.3rem;
vertical-align:top;text-align:left}pre{background:#f6f6f6;padding:.5rem;overflow-x:auto}
.add{background:#dfd}.del{background:#fdd}.refused{color:#a00;font-weight:bold}
.page{border:2px solid #888;padding:1rem}
"""


@dataclass(frozen=True)
class Packet:
    title: str
    source: str  # as the writer finds it: content/pages/...
    url: str  # site-relative
    reviewer: Mapping[str, Any]  # the reviewers file's entry, with its key
    reviewed: datetime.date
    changed: Change
    base: str  # the commit of the reviewed version ("" if git has none)
    diff: str
    statements: Sequence[Statement]
    facts: Sequence[Fact]
    grade: float | None
    target_grade: float
    sources: Sequence[tuple[str, str]]  # (title, address)
    page_html: str  # the written page's <main>
    today: datetime.date


def render(packet: Packet) -> str:
    name = escape(packet.reviewer["name"])
    credentials = packet.reviewer.get("credentials")
    signed = f"{name}, {escape(credentials)}" if credentials else name
    parts = [
        f"<h1>Review packet: {escape(packet.title)}</h1>",
        f"<p><code>{escape(packet.source)}</code>, at <code>/{escape(packet.url)}</code>. "
        f"Reviewed by {name} on {packet.reviewed}; its text changed on "
        f"{escape(packet.changed.describe())}.</p>",
        "<h2>What you sign</h2>",
        "<p>Once you have reviewed the page as it is now, its header says:</p>",
        f"<pre>Reviewed: {packet.today}\nReviewer: {escape(packet.reviewer['key'])}</pre>",
        f"<p>and the page: “Medically reviewed by {signed} on {packet.today:%-d %B %Y}.”</p>",
        _diff(packet),
        _statements(packet.statements),
        _facts(packet.facts),
        "<h2>Reading grade</h2>",
        f"<p>Flesch-Kincaid grade {packet.grade:g} (the target is {packet.target_grade:g} or "
        "below).</p>"
        if packet.grade is not None
        else "<p>No text to measure.</p>",
        "<h2>The page's sources</h2><ul>"
        + "".join(f'<li><a href="{escape(u)}">{escape(t)}</a></li>' for t, u in packet.sources)
        + "</ul>",
        "<h2>The page as readers will see it</h2>",
        f'<div class="page">{Markup(packet.page_html)}</div>',
    ]
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Review packet: {escape(packet.title)}</title><style>{_STYLE}</style></head>"
        "<body>\n" + "\n".join(parts) + "\n</body></html>\n"
    )


def index(packets: Sequence[tuple[str, Packet]]) -> str:
    """The list of packets: (file name, packet)."""
    items = "".join(
        f'<li><a href="{escape(name)}">{escape(p.title)}</a> (<code>{escape(p.source)}</code>, '
        f"changed on {escape(p.changed.describe())})</li>"
        for name, p in packets
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Review packets'
        f"</title><style>{_STYLE}</style></head><body><h1>Review packets</h1>"
        + (
            f"<p>The medical pages whose text changed since their review:</p><ul>{items}</ul>"
            if packets
            else "<p>No medical page changed since its review.</p>"
        )
        + "</body></html>\n"
    )


def _diff(packet: Packet) -> str:
    if not packet.base:
        return "<h2>What changed</h2><p>git has no version with its Reviewed line.</p>"
    lines = []
    for line in packet.diff.splitlines():
        kind = "add" if line.startswith("+") else "del" if line.startswith("-") else ""
        text = escape(line)
        lines.append(f'<span class="{kind}">{text}</span>' if kind else str(text))
    return (
        f"<h2>What changed since the reviewed version (commit {escape(packet.base)})</h2>"
        "<pre>" + "\n".join(lines) + "</pre>"
    )


def _statements(found: Sequence[Statement]) -> str:
    rows = "".join(
        f"<tr><td>{escape(s.sentence)}</td><td>{s.about}</td>"
        f'<td class="{"refused" if s.refused else ""}">{escape(s.verdict)}</td><td>'
        + ", ".join(f'<a href="{escape(u)}">{escape(t)}</a>' for t, u in s.links)
        + "</td></tr>"
        for s in found
    )
    return (
        "<h2>Statements of approval, benefit and risk</h2>"
        "<table><tr><th>sentence</th><th>states</th><th>the checks</th><th>cites</th></tr>"
        f"{rows}</table>"
    )


def _facts(found: Sequence[Fact]) -> str:
    rows = "".join(
        f"<tr><td>{escape(what)}</td><td>{escape(text)}</td>"
        f'<td><a href="{escape(url)}">{escape(where)}</a></td></tr>'
        for what, text, where, url in found
    )
    return (
        "<h2>Facts shown from the label and course data</h2>"
        "<table><tr><th>fact</th><th>as the page shows it</th><th>from</th></tr>"
        f"{rows}</table>"
    )
