"""Pelican settings for production: `make publish` reads this file."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# The absolute address the site is served from; feeds and canonical links need it.
SITEURL = os.environ.get("SITEURL", "https://patients.example.org")
RELATIVE_URLS = False
SITE_BUILD_REQUIRE_SITEURL = True

FEED_ALL_ATOM = "feeds/all.atom.xml"

DELETE_OUTPUT_DIRECTORY = True

# A page past its next review date must not go live.
MEDICAL_OVERDUE_REVIEW = "error"
