"""Helpers more than one test module uses."""


def precision_recall(name, verdicts, refused="refuse"):
    """'<name>: precision P, recall R (...)' of (expected, got) verdict pairs, or None
    when none were taken; ``refused``: the verdict that means the check caught it."""
    if not verdicts:
        return None
    caught = sum(1 for want, got in verdicts if want == got == refused)
    flagged = sum(1 for _, got in verdicts if got == refused)
    false = sum(1 for want, _ in verdicts if want == refused)
    precision = caught / flagged if flagged else 1.0
    recall = caught / false if false else 1.0
    return (
        f"{name}: precision {precision:.3f}, recall {recall:.3f} "
        f"({len(verdicts)} sentences, {false} to refuse, {caught} refused)"
    )
