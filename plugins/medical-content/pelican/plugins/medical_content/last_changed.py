"""When each page last changed, for the sitemap's ``<lastmod>`` (pelican-sitemap reads a
page's ``modified``, else its ``date``, else the time of the build).

The time of the build would tell search engines that every page changed at every build,
and make two builds of the same sources differ. A page's own ``Modified:`` stands; a
medical page without one last changed when it was last reviewed (``Reviewed:``); a page
with no date of its own (the home page, the conditions index, about) changed at the
latest with the newest page of the site, which it lists or stands beside.
"""

import datetime

from pelican.utils import set_date_tzinfo


def set_last_changed(contents, timezone):
    for content in contents:
        review = content.medical.review
        if getattr(content, "modified", None) is None and review is not None:
            content.modified = set_date_tzinfo(
                datetime.datetime.combine(review.reviewed, datetime.time()), timezone
            )
    dated = [getattr(c, "modified", None) or getattr(c, "date", None) for c in contents]
    dated = [day for day in dated if day is not None]
    if not dated:
        return
    newest = max(dated)
    for content in contents:
        if getattr(content, "modified", None) is None and getattr(content, "date", None) is None:
            content.modified = newest
