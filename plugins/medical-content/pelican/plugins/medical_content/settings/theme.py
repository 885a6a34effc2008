"""The theme, checked once when the build starts.

A template with a syntax error, an include of a file that is not there, or a kind named
in the settings that no template renders would otherwise surface deep in the build, as
a traceback from Jinja halfway through writing pages. Here each is one line that names
the file, and the line where there is one.
"""

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import jinja2
import jinja2.meta
import jinja2.nodes

from ..core.problems import SettingsError

if TYPE_CHECKING:
    from .config import Config

# Templates Pelican renders whatever the content: one per page type it writes.
_PELICAN_TEMPLATES = ("article", "page", "index")


def check(settings: Mapping[str, Any], config: "Config") -> set[str]:
    """Raise SettingsError for the first problem of the theme; return its template names."""
    folder = os.path.join(settings["THEME"], "templates")
    if not os.path.isdir(folder):
        raise SettingsError(
            f"the theme {settings['THEME']} has no templates/ folder; set "
            "THEME to the theme's folder"
        )
    names = set(jinja2.FileSystemLoader(folder).list_templates())
    environment = jinja2.Environment(**settings.get("JINJA_ENVIRONMENT", {}))
    layouts = set()  # templates that others extend: not kinds of page
    for name in sorted(n for n in names if n.endswith(".html")):
        layouts |= _extended(environment, folder, name, names)
    direct = settings.get("DIRECT_TEMPLATES", ())
    for name in [*_PELICAN_TEMPLATES, *direct]:
        if f"{name}.html" not in names:
            raise SettingsError(
                f"the theme has no template {name}.html, which Pelican needs; "
                f"restore {os.path.join(folder, name + '.html')}"
            )
    kinds = {"article"} | {n[:-5] for n in names - layouts if n.endswith(".html") and "/" not in n}
    _check_kinds(config, kinds - {"index", "page", *direct})
    return names


def _extended(environment: jinja2.Environment, folder: str, name: str, names: set[str]) -> set[str]:
    """The templates that template ``name`` extends, once it parses and every template
    it uses is there."""
    path = os.path.join(folder, name)
    with open(path, encoding="utf-8") as source:
        text = source.read()
    try:
        tree = environment.parse(text, name, path)
    except jinja2.TemplateSyntaxError as error:
        raise SettingsError(
            f"{path}:{error.lineno}: template syntax error: {error.message}; fix the template"
        ) from None
    for wanted in jinja2.meta.find_referenced_templates(tree):
        if wanted is not None and wanted not in names and not wanted.startswith("!"):
            raise SettingsError(
                f"{path}: uses the template {wanted}, which the theme does not have; "
                f"restore {os.path.join(folder, wanted)} or remove the reference"
            )
    return {
        node.template.value
        for node in tree.find_all(jinja2.nodes.Extends)
        if isinstance(node.template, jinja2.nodes.Const)
    }


def _check_kinds(config: "Config", kinds: set[str]) -> None:
    """Every kind a setting names has a template of its own."""
    for setting, named in (
        ("MEDICAL_KINDS", config.kinds),
        ("MEDICAL_FAQ_KINDS", config.faq_kinds),
        ("MEDICAL_SAFETY_KINDS", config.safety_kinds),
        ("MEDICAL_SUMMARY_KINDS", config.summary_kinds),
        ("MEDICAL_TOC_KINDS", config.toc_kinds),
    ):
        for kind in sorted(named - kinds):
            raise SettingsError(
                f"setting {setting} names the kind {kind!r}, but the theme has no template "
                f"{kind}.html; check the spelling (the theme's kinds: "
                f"{', '.join(sorted(kinds))})"
            )
