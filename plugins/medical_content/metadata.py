"""Checks of a content object's metadata against what its kind requires."""


def header_name(name):
    """A metadata name as a writer types it in the header: ``regulatory_status`` -> ``Regulatory_status``."""
    return name[:1].upper() + name[1:]


def kind_of(content, is_article):
    """An article's kind is always "article"; a page's is its ``Kind:`` metadata, if any."""
    if is_article:
        return "article"
    return str(content.metadata.get("kind", "")).strip().lower()


def check(metadata, kind, config):
    """Return (what is wrong, how to fix it) pairs for one object's metadata."""
    faults = []
    for name in config.required_metadata.get(kind, ()):
        value = metadata.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            example = _EXAMPLES.get(name, "...")
            faults.append(
                (f"{_described(kind)} needs the metadata {header_name(name)!r}, and it is missing",
                 f"add a line '{header_name(name)}: {example}' to the header at the top of the file")
            )
    if kind == "condition" and metadata.get("regulatory_status") is not None:
        status = str(metadata["regulatory_status"]).strip().lower()
        allowed = " or ".join(repr(s) for s in config.regulatory_statuses)
        if status not in config.regulatory_statuses:
            faults.append(
                (f"Regulatory_status {metadata['regulatory_status']!r} is not a known status",
                 f"write {allowed}, as the US label for onabotulinumtoxinA states it")
            )
        elif status == "approved" and not str(metadata.get("indication", "")).strip():
            faults.append(
                ("an approved use needs its indication, and 'Indication' is missing",
                 "add 'Indication: <the label's indication in plain words>' to the header")
            )
    return faults


def _described(kind):
    return "an article" if kind == "article" else f"a {kind} page"


_EXAMPLES = {
    "title": "<the page title>",
    "date": "2024-11-08",
    "summary": "<one sentence that describes the page>",
    "condition": "<the condition's name>",
    "regulatory_status": "approved' or 'Regulatory_status: off-label",
}
