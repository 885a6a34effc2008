"""When each page last changed, for the sitemap's ``<lastmod>`` (pelican-sitemap reads a
page's ``modified``, else its ``date``, else the time of the build).

The time of the build would tell search engines that every page changed at every build,
and make two builds of the same sources differ. A page's own ``Modified:`` stands; a
medical page without one last changed when it was last reviewed (``Reviewed:``); a page
with no date of its own (the home page, the conditions index, about) changed at the
latest with the newest page of the site, which it lists or stands beside.
"""

import datetime
from collections.abc import Sequence
from typing import Any

from pelican.utils import set_date_tzinfo


def _day(content: Any, name: str) -> datetime.datetime | None:
    """A content's ``modified`` or ``date``, or None when it has none."""
    return getattr(content, name, None)


def set_last_changed(contents: Sequence[Any], timezone: str | None) -> None:
    """Give each content without a ``modified`` date the day it last changed."""
    for content in contents:
        review = content.medical.review
        if _day(content, "modified") is None and review is not None:
            content.modified = set_date_tzinfo(
                datetime.datetime.combine(review.reviewed, datetime.time()), timezone
            )
    dated = [day for c in contents if (day := _day(c, "modified") or _day(c, "date")) is not None]
    if not dated:
        return
    newest = max(dated)
    for content in contents:
        if _day(content, "modified") is None and _day(content, "date") is None:
            content.modified = newest
