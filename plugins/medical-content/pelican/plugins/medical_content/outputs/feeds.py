"""What a feed reader gets of a medical page (Pelican's ``feed_generated`` signal).

A feed reader shows an entry's text without the page around it: no disclaimer, no
review line, no safety information, no sources. Pelican 4.12 always puts an article's
full text in an Atom entry (``Writer._add_item_to_the_feed``: ``RSS_FEED_SUMMARY_ONLY``
applies to RSS only, and ``FEED_APPEND_REF`` only adds ``?ref=feed`` to the links), so
the plugin decides, by ``MEDICAL_FEED_CONTENT``:

- ``"summary"`` (the default, and the safer): a medical entry carries its one-sentence
  Summary and its link, and no text of the page; the reader reads it on the site, with
  its safeguards.
- ``"full"``: the page's text, followed by the disclaimer, the review line, the Important
  Safety Information (on pages that show it) and the sources, each link absolute.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from markupsafe import escape

if TYPE_CHECKING:
    from ..settings.config import Config

SUMMARY, FULL = "summary", "full"


def entry_url(siteurl: str, url: str) -> str:
    """A page's address as Pelican's writer puts it in a feed (without ?ref=feed)."""
    return urljoin(siteurl if siteurl.endswith("/") else siteurl + "/", url)


def safeguard(
    feed: Any, siteurl: str, contents: Iterable[Any], config: "Config", safety_html: str
) -> None:
    """Change each medical entry of ``feed`` as ``config.feed_content`` says.
    ``contents``: the build's articles and pages; ``safety_html``: the rendered ISI."""
    by_url = {entry_url(siteurl, content.url): content for content in contents}
    for item in feed.items:
        content = by_url.get(item["link"].split("?ref=feed", 1)[0])
        if content is None or not content.medical.is_medical:
            continue
        if config.feed_content == SUMMARY:
            item["description"] = item["description"] or content.summary
            item["content"] = None
        else:
            item["content"] = (item["content"] or "") + safeguards_html(
                content, siteurl, config, safety_html
            )


def safeguards_html(content: Any, siteurl: str, config: "Config", safety_html: str) -> str:
    """The disclaimer, review line, safety information and sources, as the page shows
    them, for the end of a full-text entry."""
    parts = [f"<p><strong>Medical disclaimer:</strong> {escape(config.disclaimer)}</p>"]
    medical = content.medical
    review = medical.review
    if review and not review.holds:
        parts.append("<p><strong>Not medically reviewed in this version.</strong></p>")
    elif review:
        reviewer = review.reviewer
        credentials = f", {reviewer['credentials']}" if reviewer.get("credentials") else ""
        parts.append(
            f"<p>Medically reviewed by {escape(reviewer['name'] + credentials)} on "
            f"{review.reviewed.isoformat()}; next review due "
            f"{review.next_review.isoformat()}.</p>"
        )
    if medical.shows_safety_information:
        parts.append(str(safety_html))
    sources = medical.sources
    if sources:
        items = "".join(
            f'<li><a href="{escape(entry_url(siteurl, source.url))}">'
            f"{escape(source.title)}</a></li>"
            for source in sources
        )
        parts.append(f"<h2>Sources</h2><ul>{items}</ul>")
    return "\n".join(parts)
