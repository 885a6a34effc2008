"""schema.org structured data, and its safe serialisation into a <script> element.

Inside <script>, the HTML parser ends the element at the first ``</script`` whatever the
JSON means, and ``<!--`` can switch it into an escaped state. JSON allows any character
to be written as ``\\uXXXX``, so ``<``, ``>`` and ``&`` are written that way: the text
stays valid JSON that decodes to exactly what the writer typed, and the HTML parser never
sees markup. U+2028 and U+2029 are escaped too, for consumers that evaluate it as script.
"""

import json

SCHEMA_CONTEXT = "https://schema.org"

_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def script_json(data):
    """JSON text for the body of a <script type="application/ld+json"> element."""
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_ESCAPES)


def faq_page(entries):
    """A schema.org FAQPage: one Question with its accepted Answer per entry."""
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {"@type": "Answer", "text": entry.answer},
            }
            for entry in entries
        ],
    }
