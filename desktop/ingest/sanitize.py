"""Article HTML made safe for the reader: an allowlist QTextBrowser can show, links absolute.

Nothing survives that runs, loads styles or reaches the network on its own. Pictures are first
put in one plain form (``desktop.ingest.figures``): one absolute address each, captions and
credits in their figure, trackers out.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

import nh3

from desktop.ingest.figures import may_hold_pictures, prepare_pictures

ALLOWED_TAGS = frozenset(
    {"p", "br", "h2", "h3", "h4", "a", "em", "strong", "b", "i", "u", "s", "sub", "sup",
     "blockquote", "q", "cite", "ul", "ol", "li", "pre", "code", "hr", "figure", "figcaption",
     "img", "table", "thead", "tbody", "tr", "th", "td", "caption", "dl", "dt", "dd", "abbr",
     "time", "span", "small"}
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title", "width", "height"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan"}),
    "abbr": frozenset({"title", "datetime"}),
    "time": frozenset({"title", "datetime"}),
}
# Dropped with everything inside: their content is code, raw text or a fallback for plugins,
# and html5ever reads the inside of <noscript> and <iframe> as text, which would show as markup.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "noscript", "iframe", "object", "embed", "svg", "math", "template",
     "textarea", "select", "noembed", "noframes", "xmp", "title", "head"}
)  # fmt: skip
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer"
# Headings outside the reader's three levels become the nearest one it has (nh3 cannot rename).
_OUTER_HEADINGS = re.compile(r"<(/?)h([156])(?=[\s/>])", re.IGNORECASE)
_HEADING_LEVELS = {"1": "2", "5": "4", "6": "4"}
# nh3 drops an image's unsafe or unresolvable address but keeps the <img>, which would show as a
# broken picture; its output is regular (double-quoted attributes), so a pattern finds those.
_IMAGE_WITHOUT_SOURCE = re.compile(r'<img(?![^>]*\ssrc=")[^>]*>')
# The allowed attributes that hold a URL. An attribute's name is literal text (HTML has no
# character references in names), so markup without these words has no URL for a policy to act on.
_URL_ATTRIBUTES = ("href", "src")
# Cleaners kept for reuse, by URL policy: building one costs a third of cleaning an article. A
# feed entry's summary and content share a base, and markup without a URL shares one cleaner.
_CLEANERS_KEPT = 16


def sanitize_html(html: str, base_url: str | None = None) -> str:
    """Keep only what the reader allows, relative URLs resolved against ``base_url``."""
    # Without an absolute http(s) base, relative URLs are dropped: the reader would resolve
    # them against its own location.
    policy = _relative_url_policy(base_url) if _may_hold_urls(html) else "deny"
    if may_hold_pictures(html):
        html = prepare_pictures(html, base_url if policy != "deny" else None)
    return _IMAGE_WITHOUT_SOURCE.sub("", _cleaner(policy).clean(_renumber_headings(html)))


@lru_cache(maxsize=_CLEANERS_KEPT)
def _cleaner(url_relative: nh3.UrlRelative) -> nh3.Cleaner:
    """The reader's allowlist, with relative URLs treated as ``url_relative`` says."""
    return nh3.Cleaner(
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        url_relative=url_relative,
    )


def _may_hold_urls(html: str) -> bool:
    """Whether markup may have an attribute holding a URL (it names one, in any case)."""
    lowered = html.lower()
    return any(name in lowered for name in _URL_ATTRIBUTES)


def _relative_url_policy(base_url: str | None) -> nh3.UrlRelative:
    """Resolve relative URLs against an absolute http(s) base; without one, drop them."""
    if base_url and _is_web_address(base_url):
        return ("rewrite_with_base", base_url)
    return "deny"


def _is_web_address(url: str) -> bool:
    """Whether a URL is absolute http or https with a host, so it can serve as a base."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in {"http", "https"} and bool(parts.hostname)


def _renumber_headings(html: str) -> str:
    """Turn h1 into h2 and h5/h6 into h4, so the structure survives the allowlist."""
    return _OUTER_HEADINGS.sub(lambda m: f"<{m[1]}h{_HEADING_LEVELS[m[2]]}", html)
