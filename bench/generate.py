"""Synthetic content that looks like the clinic's: condition pages with metadata, review
dates and sources; FAQ pages with 10 questions; articles. Deterministic for a given N."""

import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "patients pain relief injection muscle nerve doctor treatment months weeks clinic "
    "headache neck back jaw bladder spasm dose review evidence benefit risk plain "
    "simple careful visit safety label effect daily activity sleep work family"
).split()
LABEL = "https://www.rxabbvie.com/pdf/botox_pi.pdf"


def sentence(rng, words=14):
    chosen = [rng.choice(WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def paragraph(rng, sentences=5):
    return " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(sentences))


def header(title, **fields):
    lines = [f"Title: {title}"] + [f"{k}: {v}" for k, v in fields.items()]
    return "\n".join(lines)


def medical(rng, i):
    return {
        "Date": "2026-11-20",
        "Summary": sentence(rng),
        "Reviewed": "2026-11-20",
        "Reviewer": "clinical-team",
        # the first article (every 5th page is one, from the 5th): a file the site has
        "Sources": f"[BOTOX US Prescribing Information]({LABEL})\n"
        "    [Article 4]({filename}/articles/a4.md)",
    }


# Uses the BOTOX label holds (the plugin's label registry decides a page's status).
LABELLED = [
    "Chronic migraine",
    "Cervical dystonia",
    "Overactive bladder",
    "Spasticity",
    "Blepharospasm",
    "Strabismus",
]


def condition(rng, i):
    approved = i % 3 != 0
    name = LABELLED[i % len(LABELLED)] if approved else f"Condition {i}"
    fields = {
        "Kind": "condition",
        "Condition": name,
        "Alternate_name": f"Alternate {i}, Other name {i}",
        "Regulatory_status": "approved" if approved else "off-label",
        **medical(rng, i),
    }
    if approved:
        fields["Indication"] = f"{name} in adults."
    body = ["## In short", "It is a common problem. A doctor can help. Ask about the risks."]
    for section in ("What it is", "How it is treated", "Is Botox approved for this?", "Next steps"):
        body += [f"## {section}", paragraph(rng), paragraph(rng)]
    return header(f"Botox for condition {i}", **fields) + "\n\n" + "\n\n".join(body) + "\n"


def faq(rng, i):
    body = ["Answers to common questions."]
    for q in range(10):
        body += [f"## Question {q + 1} of page {i}: {sentence(rng, 8)[:-1]}?", paragraph(rng, 3)]
    return (
        header(f"Questions {i}", Kind="faq", **medical(rng, i)) + "\n\n" + "\n\n".join(body) + "\n"
    )


def article(rng, i):
    body = []
    for section in range(6):
        body += [f"## Section {section + 1}", paragraph(rng), paragraph(rng)]
    fields = medical(rng, i)
    fields["Slug"] = f"a{i}"
    return header(f"Article {i}", **fields) + "\n\n" + "\n\n".join(body) + "\n"


def generate(count, folder, seed=1):
    """Write `count` pages (60% conditions, 20% FAQs, 20% articles) into folder/content."""
    rng = random.Random(seed)
    content = Path(folder) / "content"
    shutil.rmtree(content, ignore_errors=True)
    for sub in ("articles", "pages/conditions", "pages/faq", "includes"):
        (content / sub).mkdir(parents=True)
    shutil.copy(ROOT / "content" / "reviewers.toml", content / "reviewers.toml")
    shutil.copy(
        ROOT / "content" / "includes" / "important-safety-information.md",
        content / "includes" / "important-safety-information.md",
    )
    for i in range(count):
        kind = ("condition", "condition", "condition", "faq", "article")[i % 5]
        if kind == "condition":
            path, text = content / "pages" / "conditions" / f"c{i}.md", condition(rng, i)
        elif kind == "faq":
            path, text = content / "pages" / "faq" / f"f{i}.md", faq(rng, i)
        else:
            path, text = content / "articles" / f"a{i}.md", article(rng, i)
        path.write_text(text, encoding="utf-8")
    return content
