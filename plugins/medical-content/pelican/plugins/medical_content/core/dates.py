"""Dates as the site's pages and data write them: months added as people count them,
and a metadata date read as Pelican reads it."""

import datetime

from dateutil.relativedelta import relativedelta
from pelican.utils import get_date


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, or the month's last day if it is shorter."""
    return day + relativedelta(months=months)


def parse_date(value: object) -> datetime.datetime:
    """A metadata date as Pelican reads it. Most are ISO dates, which need not go
    through dateutil's general parser: on a big site that parser is a noticeable cost."""
    text = str(value).strip().replace("_", " ")
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        return get_date(text)
