"""Every article and page of a build, once Pelican has read them all: where each is
written (two on one file are an error), its facts and the faults of its metadata
(``prepare``), the false claims of its Summary, and what every page's template shares
(the list of condition pages, the safety information, the preview notice).

Which claims judge a page's are (``judged_as``) is here too: the checks of the written
page use the one its facts name.
"""

import logging
import os
from collections.abc import Iterable, Sequence
from typing import cast

from pelican.contents import Content
from pelican.generators import ArticlesGenerator, Generator, PagesGenerator

from ..checks import site_paths, wording
from ..core import html_text
from ..core.problems import Problem, display_path, report, report_faults
from ..core.reading import as_read
from ..judges import claims
from ..outputs import last_changed
from ..outputs.structured_data import site_facts
from ..page import view
from ..registry.labels import Registry
from ..settings.config import Config
from . import results
from .prepare import prepare
from .state import Located, State, SummaryClaim

logger = logging.getLogger(__name__)

# Where each generator keeps its contents, published or not.
_CONTENT_LISTS = {
    ArticlesGenerator: (
        "articles",
        "translations",
        "hidden_articles",
        "hidden_translations",
        "drafts",
        "drafts_translations",
    ),
    PagesGenerator: (
        "pages",
        "translations",
        "hidden_pages",
        "hidden_translations",
        "draft_pages",
        "draft_translations",
    ),
}


def prepare_content(generators: Iterable[Generator], state: State) -> None:
    """Give every article and page what its template and the checks need."""
    wanted: list[Generator] = [g for g in generators if isinstance(g, tuple(_CONTENT_LISTS))]
    if not wanted:
        return
    everything = _located(wanted)
    state.contents = {id(item.content): item for item in everything}
    state.known_outputs = {os.path.normpath(item.save_as) for item in everything if item.save_as}
    _report_stale_labels(state.config)
    site = site_facts(wanted[0].settings, state.config)
    pages_by_slug = {item.content.slug: item for item in everything if not item.is_article}
    for item in everything:
        faults, found = prepare(item, state, pages_by_slug, site)
        report_faults(item.content.source_path, item.generator.path, faults)
        results.record(found, item.content, state)
    for item, fault in site_paths.among_medical_pages(
        everything,
        lambda item: item.content.medical.is_medical,
        lambda item: item.content.medical.kind,
    ):
        report_faults(item.content.source_path, item.generator.path, [fault])
    state.summary_claims = _summary_claims(everything, state)
    last_changed.set_last_changed(
        [item.content for item in everything], wanted[0].settings["TIMEZONE"]
    )
    _share(wanted, everything, state)


def _located(generators: Sequence[Generator]) -> list[Located]:
    """Each article and page with where it is written; of two written to one file, the
    second is reported and left out (Pelican would stop when it came to write it)."""
    everything = [Located(c, g, c.url, c.save_as) for g in generators for c in _contents(g)]
    left_out = set()
    for item, fault in site_paths.duplicate_outputs(
        everything, lambda item: display_path(item.content.source_path, item.generator.path)
    ):
        report_faults(item.content.source_path, item.generator.path, [fault])
        _leave_out(item.content, item.generator)
        left_out.add(id(item.content))
    return [item for item in everything if id(item.content) not in left_out]


def _share(generators: Sequence[Generator], everything: Sequence[Located], state: State) -> None:
    """What every page's template may place, in Pelican's context."""
    context = generators[0].context  # one dict, shared by every generator
    published = {id(c) for g in generators for c in getattr(g, "pages", ())}
    context["condition_pages"] = sorted(
        (
            item.content
            for item in everything
            if item.content.medical.kind == "condition" and id(item.content) in published
        ),
        key=lambda page: page.title.casefold(),
    )
    context["SAFETY_INFORMATION"] = state.safety_html
    context["SAFETY_SUMMARY"] = state.config.safety_summary
    # Every page of a site with an unreviewed page says so (and is not indexed): a
    # reader cannot tell which pages of a preview were reviewed.
    reviews = [r for item in everything if (r := item.content.medical.review) is not None]
    unreviewed = [review for review in reviews if review.placeholder]
    changed = [review for review in reviews if review.stale and not review.placeholder]
    context["PREVIEW_NOTICE"] = state.config.preview_notice if unreviewed or changed else ""
    # never uploaded (tools/publishable.py)
    state.report.preview = bool(unreviewed or changed)
    if changed and state.config.changed_after_review == "mark":
        logger.warning(
            "%d page(s) changed after their review: they build marked 'Changed since its "
            "medical review', and make publish refuses them until their reviewer reviews "
            "the changes and updates 'Reviewed:'",
            len(changed),
        )
    if unreviewed:
        # said once, so that a writer knows before publishing what make publish will say
        logger.warning(
            "%d page(s) name a placeholder reviewer (placeholder = true in the "
            "reviewers file): they build marked 'Not yet medically reviewed', and "
            "make publish refuses them until a named clinician reviews them",
            len(unreviewed),
        )
    # the <title> drops the site's name where it would make the title too long to show
    context["TITLE_LENGTH"] = state.config.title_length


def _summary_claims(everything: Sequence[Located], state: State) -> tuple[SummaryClaim, ...]:
    """Check each page's Summary where it is written: templates show it on other pages
    (lists of conditions, the search page), whose sources do not hold it."""
    found_everywhere: list[SummaryClaim] = []
    for item in everything:
        summary = str(item.content.metadata.get("summary") or "")
        if not summary or not claims.may_say_approved(as_read(summary)):
            continue
        found = claims.false_approvals(
            view.of_html(html_text.fragment(summary)).root,
            state.judges.of(*judged_as(item.content, state)),
        )
        report_faults(
            item.content.source_path,
            item.generator.path,
            wording.claim_faults(found, field="summary"),
        )
        found_everywhere += [(claim.sentence, claim.condition) for claim in found]
    return tuple(found_everywhere)


def judged_as(content: Content, state: State) -> tuple[str, str]:
    """(drug, subject) of a page's claims judge: its own drug is the one a sentence
    means when it names none (a condition page's Drug:, else the site's), and its
    condition what "it" points at."""
    medical = getattr(content, "medical", None)
    if medical is None:  # read, then left out of the site: judged as the site's drug
        return state.config.product, ""
    # its label was found once, with its facts (``status.label_of``)
    subject = str(content.metadata.get("condition", "")) if medical.regulatory is not None else ""
    return medical.label.key, subject


def _report_stale_labels(config: Config) -> None:
    for label in cast(Registry, config.registry).stale(config.today, config.label_check_months):
        report(
            Problem(
                os.path.relpath(label.path),
                1,
                f"the {label.brand} label was last checked on {label.checked.isoformat()}, "
                f"more than {config.label_check_months} months ago",
                "have a pharmacist compare it with the current prescribing information "
                f"({label.url}), then update label_revision, checked and checked_by",
            ),
            logging.ERROR if config.overdue_is_error else logging.WARNING,
        )


def _content_lists(generator: Generator) -> list[list[Content]]:
    names = next(n for kind, n in _CONTENT_LISTS.items() if isinstance(generator, kind))
    return [getattr(generator, name) for name in names]


def _contents(generator: Generator) -> list[Content]:
    return [content for found in _content_lists(generator) for content in found]


def _leave_out(content: Content, generator: Generator) -> None:
    for found in _content_lists(generator):
        if content in found:
            found.remove(content)
