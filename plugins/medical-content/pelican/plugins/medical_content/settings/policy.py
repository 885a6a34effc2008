"""The publish policy: what `make publish` never lets through, whatever the settings say.

publishconf.py sets ``MEDICAL_POLICY = "production"`` after it reads pelicanconf.py,
and the environment does not set it: nothing in pelicanconf.py, the environment or a
page turns it off. Under it each gate holds its production value, and a setting that
weakens one stops the build at start, naming the setting (``weakened``): the date taken
as today is the machine's, an overdue review is an error, a page whose text changed
after its review is refused (from the git history, which must be there), a page is
reviewed at least every ``MEDICAL_REVIEW_INTERVAL_MONTHS`` of the defaults, the
reviewers are the site's reviewers file, and the risk-language rules hold every rule of
the plugin's own file unchanged (a site may add rules, never drop or loosen one). An
unreviewed preview (``MEDICAL_PLACEHOLDER_REVIEWS = "mark"``, and with it
``MEDICAL_CHANGED_AFTER_REVIEW``) may be built, never uploaded (tools/publishable.py).
The policy in force is printed once a build (``describe``).
"""

from collections.abc import Mapping
from typing import Any

from ..core.problems import SettingsError, read_toml
from ..registry import risk_rules
from .defaults import DEFAULTS

PRODUCTION = "production"


def weakened(settings: Mapping[str, Any], risk_path: str) -> None:
    """Raise a ``SettingsError`` naming each setting that weakens the publish policy;
    ``settings``: the merged MEDICAL_* settings; ``risk_path``: the rules file in use."""
    found = []
    if settings["MEDICAL_TODAY"] is not None:
        found.append(
            f"MEDICAL_TODAY is {settings['MEDICAL_TODAY']!r}, but make publish takes the "
            "machine's date as today (a date in the past would hide overdue reviews); "
            "delete the setting"
        )
    if settings["MEDICAL_OVERDUE_REVIEW"] != "error":
        found.append(
            f"MEDICAL_OVERDUE_REVIEW is {settings['MEDICAL_OVERDUE_REVIEW']!r}, but a page "
            "past its next review never goes live; set it to 'error'"
        )
    if settings["MEDICAL_CHANGED_AFTER_REVIEW"] == "ignore":
        found.append(
            "MEDICAL_CHANGED_AFTER_REVIEW is 'ignore', but a page whose text changed after "
            "its review never goes live; set it to 'refuse' (or 'mark' for a preview that "
            "is never uploaded)"
        )
    interval = settings["MEDICAL_REVIEW_INTERVAL_MONTHS"]
    if not isinstance(interval, int) or interval > DEFAULTS["MEDICAL_REVIEW_INTERVAL_MONTHS"]:
        found.append(
            f"MEDICAL_REVIEW_INTERVAL_MONTHS is {interval!r}, but a medical page is "
            f"reviewed at least every {DEFAULTS['MEDICAL_REVIEW_INTERVAL_MONTHS']} months; "
            "delete the setting or lower it"
        )
    if settings["MEDICAL_REVIEWERS_FILE"] != DEFAULTS["MEDICAL_REVIEWERS_FILE"]:
        found.append(
            f"MEDICAL_REVIEWERS_FILE is {settings['MEDICAL_REVIEWERS_FILE']!r}, but the "
            f"reviewers are the site's own file, {DEFAULTS['MEDICAL_REVIEWERS_FILE']!r} "
            "under content/; delete the setting"
        )
    missing = _rules_left_out(risk_path)
    if missing:
        found.append(
            f"MEDICAL_RISK_LANGUAGE names a rules file that drops or changes the rule(s) "
            f"{', '.join(missing)} of the plugin's own; a site may add rules, never drop "
            "or loosen one: copy them back unchanged, or delete the setting"
        )
    if found:
        raise SettingsError(
            "the settings weaken the publish policy (make publish): "
            + "; ".join(f"setting {problem}" for problem in found)
        )


def _rules_left_out(risk_path: str) -> list[str]:
    """The ids of the plugin's rules that the rules file in use does not hold as they are."""
    if risk_path == risk_rules.DEFAULT_FILE:
        return []
    own = read_toml(risk_rules.DEFAULT_FILE, "risk-language file").get("rule", [])
    used = {
        rule.get("id"): rule
        for rule in read_toml(risk_path, "risk-language file").get("rule", [])
        if isinstance(rule, dict)
    }
    return [rule["id"] for rule in own if used.get(rule["id"]) != rule]


def describe(today: str, interval: int, reviewers: str, rules: int, preview: bool) -> str:
    """The policy in force, as one line of the build's log (and CI's job summary)."""
    return (
        f"Publish policy: today is {today} (the machine's date); an overdue review is an "
        "error; a page whose text changed after its review (git) is refused; "
        f"a page is reviewed at least every {interval} months; reviewers from "
        f"{reviewers}; {rules} risk-language rules, the plugin's own at least; "
        + (
            "an UNREVIEWED PREVIEW, never to be uploaded"
            if preview
            else "placeholder reviewers refused"
        )
    )
