"""What the plugin knows of one article or page: a ``Medical``, set once on it as
``content.medical`` when every generator has read its contents (``contents``).

Templates place these facts (``page.medical.review``, ``article.medical.sources``); the
checks of the written page and the compliance report read the same object. Pelican's own
attributes (``title``, ``url``, ``template``, ``summary``) stay where Pelican keeps them.
"""

from dataclasses import dataclass, field

from markupsafe import Markup

from ..registry.courses import Evidence, Fact
from ..registry.labels import Label
from .faq import Entry
from .review import Review
from .sources import Source
from .status import Status

# The metadata key under which the reader keeps (id, text) of each of a page's level-2
# headings, as Markdown's toc extension found them (``builder.conversion``).
HEADINGS = "headings"
# and its HTML as Markdown wrote it, before Pelican resolves the {filename} links in it
SOURCE_HTML = "source_html"
Breadcrumb = tuple[str, str]  # (name, site-relative url)
Heading = tuple[str, str]  # (id, text)
Course = tuple[str, list[tuple[str, list[Fact]]]]  # (heading, [(topic heading, facts)])


@dataclass
class Medical:
    kind: str  # "article", "page", "condition", "faq", ... (see ``metadata.kind_of``)
    is_medical: bool  # its kind is one of MEDICAL_KINDS: disclaimer, review, sources
    shows_safety_information: bool  # its kind is one of MEDICAL_SAFETY_KINDS
    label: Label  # the drug its claims are judged by: its condition's, else the site's
    regulatory: Status | None = None  # a condition page's status, from the label registry
    indication: str = ""  # what an approved use's status line says
    condition_names: list[str] = field(default_factory=list)  # Condition, Alternate_name
    condition_in_sentence: str = ""  # a condition page's name as it reads mid-sentence
    course: Course | None = None
    # a condition's side effects and warnings for its use, shown under its safety information
    risks: list[Fact] = field(default_factory=list)
    # an off-label use's evidence line, and the warning about uses the label does not hold
    evidence: Evidence | None = None
    unapproved_use: list[Fact] = field(default_factory=list)
    review: Review | None = None
    sources: list[Source] = field(default_factory=list)
    breadcrumbs: list[Breadcrumb] = field(default_factory=list)
    toc: list[Heading] = field(default_factory=list)  # the "On this page" list
    faq: list[Entry] = field(default_factory=list)
    structured_data: Markup = field(default_factory=Markup)

    @property
    def regulatory_status(self) -> str:
        """The registry's word for a condition page's use: "approved" or "off-label"."""
        return self.regulatory.name if self.regulatory is not None else ""

    @property
    def drug(self) -> str:
        """The drug's name as a sentence writes it: a brand that its label spells in
        capitals ("BOTOX") reads with one ("Botox")."""
        brand = self.label.brand
        return brand.capitalize() if brand.isupper() else brand
