"""The lead photo of an article page, with its caption and credit.

The page names its photo in og:image, twitter:image or JSON-LD; the picture shown for it on the
page may be the same file at another size, crop or host (``picturekeys.same_picture``). A named
picture is dropped when it cannot be a photo (a logo, an icon, a pixel) and, when it looks like
the site's own share card (named share, card, default, social ..., or a small square), unless
the article shows it as a photo. Without a named photo, the article's first photo stands in:
never a logo, icon, flag, avatar, ad, banner or a thumbnail linking to another story. A podcast's
or radio show's art (``showart``) is never the photo, named or shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from lxml import etree

from desktop.ingest.captions import caption_near
from desktop.ingest.elements import Element, absolute, attr, clean, text_of
from desktop.ingest.figures import names_a_picture
from desktop.ingest.jsonld import as_list, ld_url
from desktop.ingest.leadcaption import lead_caption
from desktop.ingest.pagelayout import ARTICLE_TAGS, in_site_furniture
from desktop.ingest.picturekeys import ADDRESS_PARAMETERS, same_picture
from desktop.ingest.showart import ShowArt, show_art
from desktop.ingest.srcsets import srcset_addresses

IMAGE_SOURCES = ("data-src", "data-original", "data-lazy-src", "src", "data-srcset", "srcset")
NAMED_BY_META = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image",
                 "twitter:image:src")  # fmt: skip
MIN_SIDE = 100  # pixels under which an image is an icon, a flag or a button
SMALL_CARD = 600  # pixels up to which a square named picture is a headshot or a site's card
MAX_RATIO = 4.0  # a picture wider (or taller) than this many times its other side is a banner
ANCESTORS_LOOKED_AT = 6  # how far up an image's containers say what it is (a byline, an ad ...)
# Words in an image's class that mean it is no photo.
NEVER_PHOTO = frozenset(
    {"logo", "logos", "icon", "icons", "favicon", "avatar", "avatars", "sprite", "badge",
     "flag", "flags", "emoji", "gravatar", "placeholder", "spacer", "pixel", "spinner",
     "loader", "wordmark", "masthead"}
)  # fmt: skip
# Words in a picture's file name (split at - _ . and digits) that mean a logo or an icon.
NO_PHOTO_NAMES = frozenset(
    {"logo", "logos", "icon", "icons", "favicon", "sprite", "placeholder", "spacer", "avatar",
     "gravatar"}
)  # fmt: skip
# Words in a named picture's file name that mean the site's own share card (or a logo): such a
# picture is the lead photo only when the article shows it as one.
CARD_WORDS = NO_PHOTO_NAMES | frozenset(
    {"share", "sharing", "card", "default", "social", "og", "opengraph", "fallback", "generic",
     "facebook", "twitter", "fb", "subscribe", "brand", "branding", "blank", "pixel"}
)  # fmt: skip
# Words in the classes of an image's containers that mean it is not the article's photo.
NOT_LEAD = frozenset(
    {"byline", "author", "authors", "avatar", "logo", "brand", "ad", "ads", "advert",
     "advertisement", "sponsor", "sponsored", "promo", "related", "recommended", "popular",
     "trending", "teaser", "recirculation", "newsletter", "widget", "sidebar", "comments",
     "preview", "previews"}
)  # fmt: skip
_WORDS = re.compile(r"[a-z]+")
OPENING_PARAGRAPHS = 1  # paragraphs of prose before a photo that still opens the article
PROSE_CHARS = 80  # characters from which a paragraph is prose, not a kicker or a date line
_PRECEDING_PARAGRAPHS = etree.XPath("preceding::p")
_BACKGROUND = re.compile(r"background(?:-image)?\s*:[^;]*?url\(\s*['\"]?([^'\")]+)", re.I)
_BACKGROUND_DATA = frozenset({"data-bg", "data-background", "data-background-image", "data-bg-src"})
_PICTURE_FILE = re.compile(r"\.(?:jpe?g|png|webp|gif|avif)$", re.I)
_SIDES = {"w": "width", "width": "width", "h": "height", "height": "height"}


@dataclass(frozen=True, slots=True)
class LeadPhoto:
    """The lead photo's absolute address, its caption (no credit) and its credit."""

    url: str | None = None
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class _Picture:
    """An image of the page and every address it may load."""

    element: Element
    sources: list[str]


@dataclass(frozen=True, slots=True)
class _Named:
    """A picture the page names as its own: its address, and its JSON-LD object if any."""

    url: str
    ld: dict[str, Any] | None
    width: int | None
    height: int | None


def lead_photo(
    tree: Element, meta: dict[str, str], ld: dict[str, Any], base: str | None
) -> LeadPhoto:
    """The article's lead photo: the picture the page names when it is a real photo, else the
    article's first photo, else none."""
    art = show_art(tree, meta)
    pictures = [
        picture
        for element in _pictures(tree)
        if not _in_furniture(element)
        for picture in (_Picture(element, _sources(element, base)),)
        if not _is_art(picture, art)
    ]
    named = [n for n in _named(meta, ld, base) if not art.is_art(n.url, n.width, n.height)]
    chosen = _named_photo(named, pictures, base)
    if chosen is None:
        found = next((p for p in _in_articles(tree, pictures) if _is_lead_photo(p, base)), None)
        if found is None:
            return LeadPhoto()
        chosen = (found.sources[0], found.element, None)
    url, element, named_ld = chosen
    element = element if element is not None else _background(tree, url, base)
    ld_image = named_ld or _ld_image(ld, url)
    if element is None:  # a picture the article does not show: its opening figure's caption
        written = lead_caption(tree, None, ld_image)
        opening = _opening_photo(tree, pictures, base)
        if any(written) or opening is None:
            return LeadPhoto(url, *written)
        element = opening
    return LeadPhoto(url, *lead_caption(tree, element, ld_image))


# The pictures the page names


def _named(meta: dict[str, str], ld: dict[str, Any], base: str | None) -> list[_Named]:
    """The pictures named by the meta tags and JSON-LD, absolute, in that order."""
    found: list[_Named] = []
    width, height = _number(meta.get("og:image:width")), _number(meta.get("og:image:height"))
    for key in NAMED_BY_META:
        url = absolute(meta.get(key, ""), base)
        if url:
            declared = (width, height) if key.startswith("og:") else (None, None)
            found.append(_Named(url, None, *declared))
    for image in as_list(ld.get("image")):
        url = absolute(ld_url(image) or "", base)
        if url:
            obj = image if isinstance(image, dict) else None
            sides = (_number(obj.get("width")), _number(obj.get("height"))) if obj else (None, None)
            found.append(_Named(url, obj, *sides))
    return found


def _named_photo(
    named: list[_Named], pictures: list[_Picture], base: str | None
) -> tuple[str, Element | None, dict[str, Any] | None] | None:
    """The first named picture that is a photo, with the image showing it (if any)."""
    for candidate in named:
        if _file_name(candidate.url).endswith((".svg", ".ico")):
            continue
        shown = [p for p in pictures if any(same_picture(s, candidate.url) for s in p.sources)]
        photos = [p.element for p in shown if _is_lead_photo(p, base)]
        if _looks_like_card(candidate) and not photos:
            continue
        return candidate.url, _first(photos or [p.element for p in shown]), candidate.ld
    return None


def _never_photo(url: str) -> bool:
    """Whether a picture's file name says it is no photo: a logo, an icon, an SVG."""
    name = _file_name(url)
    return name.endswith((".svg", ".ico")) or bool(NO_PHOTO_NAMES & _words(name))


def _looks_like_card(named: _Named) -> bool:
    """Whether a named picture looks like a site's share card: so named, or a small square."""
    if CARD_WORDS & _words(_file_name(named.url).rsplit(".", 1)[0]):
        return True
    width, height = _size_in_address(named.url)  # what the CDN is asked for, before what is said
    if not (width and height):
        width, height = named.width, named.height
    return bool(width and height and width == height and width <= SMALL_CARD)


def _file_name(url: str) -> str:
    """The last segment of an address's path (or of the address it wraps), lower-cased."""
    parts = urlsplit(url)
    for name, value in parse_qsl(parts.query):
        if name.lower() in ADDRESS_PARAMETERS and "/" in unquote(value):
            return _file_name(unquote(value))
    segments = [segment for segment in unquote(parts.path).split("/") if segment]
    return segments[-1].lower() if segments else ""


def _size_in_address(url: str) -> tuple[int | None, int | None]:
    """The width and height an address asks a CDN for (?width=300&height=300), if it does."""
    sides: dict[str, int | None] = {}
    for name, value in parse_qsl(urlsplit(url).query):
        side = _SIDES.get(name.lower())
        if side:
            sides.setdefault(side, _number(value))
    return sides.get("width"), sides.get("height")


def _ld_image(ld: dict[str, Any], url: str) -> dict[str, Any] | None:
    """The JSON-LD ImageObject of a picture, else the article's first one."""
    objects = [image for image in as_list(ld.get("image")) if isinstance(image, dict)]
    for image in objects:
        address = ld_url(image)
        if address and same_picture(address, url):
            return image
    return _first(objects)


# The pictures the page shows


def _pictures(tree: Element) -> Iterator[Element]:
    """Every <img> and <amp-img> of the body, in order."""
    body = tree.find("body")
    yield from body.iter("img", "amp-img") if body is not None else ()


def _background(tree: Element, url: str, base: str | None) -> Element | None:
    """The element that shows a photo as its background (a hero's), by its style or a lazy
    loader's data attribute."""
    body = tree.find("body")
    for element in body.iter() if body is not None else ():
        if not isinstance(element.tag, str):
            continue
        for value in (attr(element, "style"), *_lazy_backgrounds(element)):
            found = _BACKGROUND.search(value) if "url(" in value else None
            address = absolute(found[1] if found else value, base) if value else None
            if address and same_picture(address, url):
                return element
    return None


def _lazy_backgrounds(element: Element) -> list[str]:
    """The addresses a lazy loader's data attributes give an element's background."""
    return [value for name, value in element.attrib.items() if name in _BACKGROUND_DATA]


def _in_articles(tree: Element, pictures: list[_Picture]) -> list[_Picture]:
    """The images inside the page's <article> or <main> elements, when it has any."""
    if not any(True for _ in tree.iter("article", "main")):
        return pictures
    return [p for p in pictures if any(up.tag in ARTICLE_TAGS for up in p.element.iterancestors())]


def _in_furniture(element: Element) -> bool:
    """Whether an image is the site's furniture; an image shown only to readers without scripts
    (inside a ``<noscript>``) stands where its ``<noscript>`` does when it names a picture."""
    fallback = next(element.iterancestors("noscript"), None)
    if fallback is None:
        return in_site_furniture(element)
    return not names_a_picture(element) or in_site_furniture(fallback)


def _opening_photo(tree: Element, pictures: list[_Picture], base: str | None) -> Element | None:
    """The article's first photo when it opens the article (no more than one paragraph of
    prose before it) and has a caption or credit: the lead photo's figure when the picture the
    page names (a social card, another crop) is not shown."""
    found = next((p for p in _in_articles(tree, pictures) if _is_lead_photo(p, base)), None)
    if found is None or _prose_before(found.element) > OPENING_PARAGRAPHS:
        return None
    return found.element if any(caption_near(found.element)) else None


def _prose_before(element: Element) -> int:
    """How many paragraphs of prose come before an element in its article."""
    article = next((up for up in element.iterancestors(*ARTICLE_TAGS)), None)
    before = _PRECEDING_PARAGRAPHS(element)
    inside = [p for p in before if article is None or article in p.iterancestors()]
    return sum(1 for p in inside if len(clean(text_of(p))) >= PROSE_CHARS)


def _is_art(picture: _Picture, art: ShowArt) -> bool:
    """Whether an image of the page is a show's art (by any address it loads, and its sides)."""
    sides = _number(attr(picture.element, "width")), _number(attr(picture.element, "height"))
    return any(art.is_art(source, *sides) for source in picture.sources)


def _is_lead_photo(picture: _Picture, base: str | None) -> bool:
    """Whether an image may be an article's photo: big enough, no icon, logo, avatar, banner,
    ad or thumbnail of another story."""
    element, sources = picture.element, picture.sources
    if not sources or _never_photo(sources[0]) or NEVER_PHOTO & _words(attr(element, "class")):
        return False
    width, height = _number(attr(element, "width")), _number(attr(element, "height"))
    if (width and width < MIN_SIDE) or (height and height < MIN_SIDE):
        return False
    if width and height and max(width / height, height / width) > MAX_RATIO:
        return False
    return not _placed_as_no_photo(element, base)


def _placed_as_no_photo(element: Element, base: str | None) -> bool:
    """Whether an image's containers say it is no article photo (a byline, an ad, a related
    story), or it links to another page."""
    for depth, up in enumerate(element.iterancestors()):
        if depth >= ANCESTORS_LOOKED_AT or up.tag in ARTICLE_TAGS:
            break
        if NOT_LEAD & _words(f"{attr(up, 'class')} {attr(up, 'id')}"):
            return True
        if up.tag == "a" and _links_elsewhere(attr(up, "href"), base):
            return True
    return False


def _links_elsewhere(href: str, base: str | None) -> bool:
    """Whether a link around an image leads to another page (not the picture, not this page)."""
    target = absolute(href, base)
    if not target or href.startswith("#"):
        return False
    path = urlsplit(target).path.rstrip("/")
    return not _PICTURE_FILE.search(path) and path != urlsplit(base or "").path.rstrip("/")


def _sources(element: Element, base: str | None) -> list[str]:
    """Every absolute address an image may load, lazy-loading attributes first."""
    offered: list[str] = []
    for name in IMAGE_SOURCES:
        value = attr(element, name)
        offered += srcset_addresses(value) if "srcset" in name else [value]
    for source in _picture_sources(element):
        offered += srcset_addresses(attr(source, "srcset") or attr(source, "data-srcset"))
    sources: list[str] = []
    for address in (absolute(candidate, base) for candidate in offered):
        if address and address not in sources:
            sources.append(address)
    return sources


def _picture_sources(element: Element) -> list[Element]:
    """The <source> elements of the <picture> around an image (lxml may nest the image in one)."""
    for up in list(element.iterancestors())[:2]:
        if up.tag == "picture":
            return [source for source in up.iter("source") if source is not element]
    return []


# Small readers


def _words(text: str) -> set[str]:
    """The lower-case words of a name or class list ("b-byline__image" gives b, byline, image)."""
    return set(_WORDS.findall(text.lower()))


def _number(value: Any) -> int | None:
    """A whole number of pixels from JSON or an attribute ("300", 300, "300px"), or None."""
    if isinstance(value, int):
        return value
    found = re.match(r"\s*(\d+)", value) if isinstance(value, str) else None
    return int(found[1]) if found else None


def _first(items: list[Element]) -> Element | None:
    """The first item, or None."""
    return items[0] if items else None
