"""What a static host needs beside the pages: fingerprinted asset names and _headers."""

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

# Fingerprinted files never change under their name; everything else is revalidated.
IMMUTABLE = "public, max-age=31536000, immutable"


def fingerprinted_name(relative: str, content: bytes) -> str:
    """css/site.css -> css/site.1a2b3c4d5e.css, from the file's content."""
    path = PurePosixPath(relative)
    digest = hashlib.sha256(content).hexdigest()[:10]
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


def asset_urls(theme_static: str, static_dir: str, names: Iterable[str]) -> dict[str, str]:
    """{name: published path} for each fingerprinted theme file."""
    return {
        name: f"{static_dir}/{fingerprinted_name(name, (Path(theme_static) / name).read_bytes())}"
        for name in names
    }


def publish_fingerprinted(output: str, static_dir: str, urls: Mapping[str, str]) -> None:
    """Pelican copied the theme files under their own names; give them the hashed ones."""
    for name, published in urls.items():
        source = Path(output) / static_dir / name
        if source.exists():
            source.replace(Path(output) / published)


# Directives a policy in a <meta> element cannot carry (the browser ignores them there).
_HEADER_ONLY = ("frame-ancestors", "report-uri", "report-to", "sandbox")


def meta_policy(headers: Mapping[str, str]) -> str:
    """The Content-Security-Policy of ``headers`` as a page's <meta> element can carry it:
    the protection a host that sends no headers (GitHub Pages) still gives readers."""
    directives = [d.strip() for d in headers.get("Content-Security-Policy", "").split(";")]
    return "; ".join(d for d in directives if d and d.split()[0] not in _HEADER_ONLY)


def siteurl_problem(siteurl: str | None) -> str:
    """What is wrong with a published site's address, or "" when nothing is."""
    parts = urlsplit(siteurl or "")
    local = parts.hostname in ("localhost", "127.0.0.1", "::1")
    if not siteurl:
        return (
            "SITEURL is empty, so the canonical links, the sitemap and the feed would "
            "say no address; set it to the site's address, e.g. SITEURL=https://"
            "patients.example.org (in CI: the repository variable SITEURL)"
        )
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return f"SITEURL {siteurl!r} is not an absolute address; write it as https://host[/path]"
    if parts.scheme == "http" and not local:
        return (
            f"SITEURL {siteurl!r} is plain http; readers' browsers would be sent to an "
            "unencrypted site: use https://"
        )
    if parts.query or parts.fragment:
        return f"SITEURL {siteurl!r} holds a '?' or '#'; write the address alone"
    return ""


def headers_file(headers: Mapping[str, str], fingerprinted: Iterable[str]) -> str:
    """The _headers file: security headers on every path, a year's caching for
    fingerprinted files."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in headers.items()]
    for path in sorted(fingerprinted):
        lines += [f"/{path}", f"  Cache-Control: {IMMUTABLE}"]
    return "\n".join(lines) + "\n"


def parse_headers_file(text: str) -> dict[str, dict[str, str]]:
    """{path pattern: {header: value}}, as a host reads _headers (used by the tests' server)."""
    rules: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in text.splitlines():
        if line and not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        elif line.strip() and current is not None:
            name, _, value = line.strip().partition(":")
            current[name.strip()] = value.strip()
    return rules
