"""Pelican settings for production: `make publish` reads this file."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# The absolute address the site is served from; feeds and canonical links need it.
SITEURL = os.environ.get("SITEURL", "https://patients.example.org")
RELATIVE_URLS = False
SITE_BUILD_REQUIRE_SITEURL = True
# The workflow deploys to GitHub Pages, which ignores _headers and precompressed files:
# the build does not write them (the pages carry their security policy themselves).
SITE_BUILD_HOSTING = os.environ.get("SITE_BUILD_HOSTING", "github-pages")

FEED_ALL_ATOM = "feeds/all.atom.xml"

DELETE_OUTPUT_DIRECTORY = True

# A page past its next review date must not go live.
MEDICAL_OVERDUE_REVIEW = "error"
# Nor one whose reviewer is a placeholder. A pull request's preview build may set
# MEDICAL_PLACEHOLDER_REVIEWS=mark: every page then says it is an unreviewed preview,
# and asks search engines not to index it.
MEDICAL_PLACEHOLDER_REVIEWS = os.environ.get("MEDICAL_PLACEHOLDER_REVIEWS", "refuse")

# Nor one whose text changed after its Reviewed date (from git: the checkout needs the
# history); a pull request's preview marks it, as it marks a placeholder's page.
MEDICAL_CHANGED_AFTER_REVIEW = "mark" if MEDICAL_PLACEHOLDER_REVIEWS == "mark" else "refuse"

# The publish policy (the plugin's settings/policy.py): set here, after pelicanconf.py, so
# that nothing there or in the environment turns it off. A setting that weakens a gate
# (a date taken as today, another reviewers file, fewer risk rules...) stops the build.
MEDICAL_POLICY = "production"
