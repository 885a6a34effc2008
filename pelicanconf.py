"""Pelican settings for local work: `make html` and `make serve` read this file."""

AUTHOR = "Example Pain Clinic"
SITENAME = "Example Pain Clinic"
SITESUBTITLE = "Patient information: Botox for chronic pain"
SITEURL = ""

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
# A page's slug is its path under content/pages/, so content/pages/conditions/migraine.md
# is published at /conditions/migraine/ without the writer repeating it in metadata.
PATH_METADATA = r"pages/(?P<slug>.+)\.md"
# Images a page shows go in content/images/ and are published at /images/.
STATIC_PATHS = ["images"]

TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
OG_LOCALE = "en_US"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

THEME = "theme"

ARTICLE_URL = "articles/{slug}/"
ARTICLE_SAVE_AS = "articles/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# The home page is content/pages/index.md; the article list moves out of its way.
INDEX_SAVE_AS = "articles/index.html"
# robots.txt is the theme's robots.html, rendered so that it names the sitemap's address.
DIRECT_TEMPLATES = ["index", "robots"]
ROBOTS_SAVE_AS = "robots.txt"

# A clinic site has no tag, category, author or archive listings.
TAG_SAVE_AS = TAGS_SAVE_AS = ""
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DEFAULT_PAGINATION = False

# Feeds need an absolute SITEURL; publishconf.py turns them on.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Templates escape what they print unless it is marked safe (a page's Markdown HTML,
# which the plugin holds to the raw-HTML policy): a title or summary with a quote or a
# "<" can then never end an attribute or start an element. And as Pelican makes a new
# template environment for each build, Jinja need not look at every template file's
# time stamp again for each page it renders (thousands of stat calls on a big site).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [],
                     "autoescape": True, "auto_reload": False}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {},
    },
    "output_format": "html5",
}

# Paths of the site, without a leading "/": the theme puts them under SITEURL (its
# |href filter), so the menu works when the site is served under a sub-path.
MENUITEMS = (
    ("Home", ""),
    ("Conditions", "conditions/"),
    ("Botox for chronic pain", "articles/botox-for-chronic-pain/"),
    ("FAQ", "faq/"),
    ("About & contact", "about/"),
    ("Search", "search/"),
)
DISPLAY_PAGES_ON_MENU = False

# The clinic's details live here once; templates and structured data read them.
CLINIC = {
    "name": "Example Pain Clinic",
    "telephone": "+1-555-010-0100",
    "telephone_display": "(555) 010-0100",
    "email": "appointments@example.org",
    "street": "100 Example Avenue, Suite 200",
    "locality": "Springfield",
    "region": "ST",
    "postal_code": "00000",
    "country": "US",
    "hours": "Monday to Friday, 8:30 am to 5:00 pm",
}

# medical_content is a plugin package (plugins/medical-content/, installed by the
# Makefile like any pelican-plugins package); the two small site-only plugins,
# markdown_tables and site_build, are read from plugins/.
PLUGIN_PATHS = ["plugins"]
# Order matters at the end of a build: the medical checks may fail it first; then
# site_build renames assets, indexes for search and writes _headers; pelican-precompress
# then writes .gz and .br beside each text file.
# markdown_tables first: it adds its Markdown extension (each table in a box that
# scrolls on a phone) before medical_content renders the safety information.
PLUGINS = ["markdown_tables", "medical_content", "sitemap", "site_build", "precompress"]

# pelican-sitemap: every page but the 404 and the search page, and the list of articles
# (Pelican's index, which has no date of its own: the sitemap would say it changed at
# every build; the article it lists is in the sitemap).
SITEMAP = {"format": "xml",
           "exclude": [r"^404\.html$", r"^search/", r"^robots\.txt$", r"^articles/$"]}


MEDICAL_DISCLAIMER = (
    "This page is general information for patients, not medical advice. It does not "
    "replace a consultation with a qualified healthcare provider who knows your medical "
    "history. If you think you are having a medical emergency, call 911 or your local "
    "emergency number."
)

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# A page's folder gives its kind: a condition page stays one (with its disclaimer,
# safety information and status box) even if its Kind line is deleted.
MEDICAL_KIND_PATHS = {"pages/conditions/*.md": "condition", "pages/faq.md": "faq"}
# The plain pages that may name Botox in passing: the home page, the list of conditions,
# "about", search, the missing-page page, and the record of what we corrected (it quotes
# the wording we withdrew, and sends readers to the medical pages for the facts). Any
# other page that names it with a dose, an injection, side effects or a use is refused
# until it is a medical page (a condition, the FAQ, an article) with all its safeguards.
MEDICAL_PLAIN_PAGES = [
    "pages/index.md",
    "pages/conditions.md",
    "pages/about.md",
    "pages/search.md",
    "pages/404.md",
    "pages/what-we-changed.md",
]

# The site's drug, a label of the plugin's registry (its labels/ folder):
# what a condition page's status and every approval claim are checked against.
MEDICAL_PRODUCT = "botox"
# The boxed warning in plain words (BOTOX label, Boxed Warning; Medication Guide), shown
# above the text of every page that shows the safety information.
MEDICAL_SAFETY_SUMMARY = (
    "The effects of Botox can spread from the injection area to other parts of the body, "
    "hours to weeks after a shot. This can cause trouble swallowing, speaking or breathing, "
    "which can be life-threatening. Get medical help right away if this happens."
)
