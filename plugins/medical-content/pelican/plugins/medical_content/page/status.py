"""A condition page's regulatory status, taken from the label registry (``labels``).

The page names its condition (and its drug, if not the site's); the registry says
whether that drug's label holds it. A page that says otherwise is an error at its line:
a page cannot make a use approved by saying so.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.problems import Fault
from ..registry.labels import Indication, Label, Registry

if TYPE_CHECKING:
    from ..settings.config import Config


@dataclass(frozen=True)
class Status:
    label: Label
    indication: Indication | None  # None for an off-label use

    @property
    def approved(self) -> bool:
        return isinstance(self.indication, Indication)

    @property
    def name(self) -> str:
        return "approved" if self.approved else "off-label"


def label_of(regulatory: Status | None, config: "Config") -> Label:
    """The label a page's claims are judged by: its condition's, else the site's drug's."""
    return regulatory.label if regulatory is not None else config.registry[config.product]


def label_named(written: str, registry: Registry) -> Label | None:
    """The label a page's ``Drug:`` names (its key, brand or generic name), or None."""
    return next((each for each in registry.labels.values() if each.named_by(written)), None)


def status_of(metadata: Mapping[str, Any], config: "Config") -> tuple[Status | None, list[Fault]]:
    """(Status or None, faults) of a condition page."""
    registry = config.registry
    faults: list[Fault] = []
    label = registry[config.product]
    written_drug = str(metadata.get("drug", "")).strip()
    if written_drug:
        named = label_named(written_drug, registry)
        if named is None:
            known = ", ".join(sorted(registry.labels))
            return None, [
                Fault(
                    f"Drug {written_drug!r} is not in the label registry",
                    f"write one of {known}, or add its label to the registry",
                    field="drug",
                )
            ]
        label = named
    condition = str(metadata.get("condition", "")).strip()
    status = Status(label, label.indication_for(condition) if condition else None)
    where = f"the {label.brand} label (revised {label.revised}, {label.url})"
    said = str(metadata.get("regulatory_status", "")).strip().lower()
    if said and said != status.name:
        holds = (
            f"holds {condition!r} as an approved use ({status.indication.section})"
            if status.indication is not None
            else f"has no indication for {condition!r}"
        )
        faults.append(
            Fault(
                f"Regulatory_status says {said!r}, but {where} {holds}",
                "delete the Regulatory_status line: the status comes from the label registry "
                "(if the label has changed, update the registry with a reviewer)",
                field="regulatory_status",
            )
        )
    if str(metadata.get("indication", "")).strip() and not status.approved:
        faults.append(
            Fault(
                f"Indication is given, but {where} has no indication for {condition!r}: an "
                "off-label use has none",
                "delete the Indication line, and say plainly that "
                f"{label.brand} is not FDA-approved for it",
                field="indication",
            )
        )
    return status, faults
