"""Pictures in article bodies, made plain: one address per image, figures in one form, trackers out.

Feeds and pages mark pictures up in many ways: lazy loading (``data-src``, ``data-srcset``, a
placeholder ``src``), ``srcset`` and ``<picture>`` with a file per width, ``<noscript>`` fallbacks,
``amp-img``, captions in ``<figcaption>``, in WordPress's ``wp-caption`` or just after the image,
credits inside or beside them, and 1-pixel trackers. Before a body is sanitized,
``prepare_pictures`` turns all of that into one form, which the sanitizer keeps, a refresh can
fetch and the reader lays out as it does the lead photo::

    <figure><img src="https://..." alt="..."><figcaption>Caption<small>Credit</small></figcaption>
    </figure>

Each image keeps one absolute address: the candidate nearest the reader's column width.
``body_images`` then lists the pictures of a sanitized body with their captions and credits, and
``picturekeys.same_picture`` tells whether two addresses name one picture through a CDN's sizes
and crops.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from desktop.ingest.captions import attribute_caption, caption_region, is_captionish
from desktop.ingest.captiontext import caption_parts
from desktop.ingest.creditforms import split_credit
from desktop.ingest.elements import (
    Element,
    absolute,
    attr,
    clean,
    etree_module,
    parsed_body,
    text_of,
)
from desktop.ingest.picturekeys import same_picture
from desktop.ingest.srcsets import nearest_column, srcset_candidates
from desktop.ingest.treeedits import remove, replace, replace_with_text, unwrap

# The pictures of one article that are fetched and kept; a gallery of hundreds keeps its first.
MAX_BODY_IMAGES = 20
# Tags whose presence means a body may hold pictures worth preparing.
_PICTURE_MARKUP = re.compile(r"<(?:img|picture|amp-img|figure|noscript)\b", re.I)
_LAZY_SOURCES = (
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-hi-res-src",
    "data-url",
    "data-lazy",
)
_SOURCE_SETS = ("data-srcset", "data-lazy-srcset", "srcset")
# Formats the reader shows; a <picture> offers others (AVIF, JPEG XL) that it skips.
_PICTURE_FILES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif")
_SHOWN_TYPES = frozenset({"", "image/jpeg", "image/jpg", "image/png", "image/webp", "image/gif"})
_KEPT_ATTRIBUTES = ("alt", "title", "width", "height")
_PLACEHOLDER = re.compile(
    r"(?:^|[/_.-])(?:(?:blank|spacer|placeholder|transparent|1x1|empty)\.(?:gif|png|jpe?g|svg|webp)"
    r"|(?:lazy(?:load)?|pixel|grey|gray)\.(?:gif|png|svg))(?:$|\?)",
    re.I,
)
_TRACKER = re.compile(
    r"feedburner\.com/~(?:r|ff|a)/|//(?:pixel|stats)\.wp\.com/|doubleclick\.net/"
    r"|google-analytics\.com/|quantserve\.com/|scorecardresearch\.com/|//[^/]*pixel[^/]*/"
    r"|/(?:pixel|tracking|tracker|beacon|open)\.(?:gif|png)(?:$|\?)",
    re.I,
)
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$")
_STYLE_SIZE = re.compile(r"(?:^|;)\s*(?:width|height)\s*:\s*(\d+(?:\.\d+)?)px", re.I)
_EMOJI = re.compile(r"emoji|twemoji|wp-smiley", re.I)
_INLINE = frozenset({"img", "a", "span", "em", "strong", "b", "i", "u", "small", "sub", "sup", "q"})
_SMALL_SCREEN = re.compile(r"max-width", re.I)


@dataclass(frozen=True, slots=True)
class BodyImage:
    """A picture of an article's body: its address and the caption and credit of its figure."""

    url: str
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None


def may_hold_pictures(markup: str) -> bool:
    """Whether markup has any tag that ``prepare_pictures`` works on (a cheap test)."""
    return _PICTURE_MARKUP.search(markup) is not None


def prepare_pictures(markup: str, base: str | None) -> str:
    """The markup with each picture in the one form described above, before sanitizing."""
    root = parsed_body(f"<html><body>{markup}</body></html>")
    if root is None:
        return markup
    etree = etree_module()
    _unwrap_amp_images(root)
    _flatten_pictures(root)
    _use_noscript_fallbacks(root)
    _settle_images(root, base)
    _plain_figures(root)
    _frame_loose_images(root)
    return (root.text or "") + "".join(
        etree.tostring(child, method="html", encoding="unicode") for child in root
    )


def body_images(sanitized: str) -> tuple[BodyImage, ...]:
    """The distinct pictures of a sanitized body, in order, at most MAX_BODY_IMAGES, each with the
    caption and credit of its figure."""
    if "<img" not in sanitized:
        return ()
    root = parsed_body(f"<html><body>{sanitized}</body></html>")
    if root is None:
        return ()
    found: dict[str, BodyImage] = {}
    for img in root.iter("img"):
        url = absolute(attr(img, "src"), None)
        if url is None or url in found or _is_tracker(img, url):
            continue
        caption, credit = _figure_caption(img)
        found[url] = BodyImage(url, clean(attr(img, "alt")) or None, caption, credit)
        if len(found) == MAX_BODY_IMAGES:
            break
    return tuple(found.values())


# Choosing each image's one address


def _unwrap_amp_images(root: Element) -> None:
    """``<amp-img>`` as a plain ``<img>`` (its ``<noscript>`` fallback when it names no file)."""
    for amp in list(root.iter("amp-img")):
        img = etree_module().Element(
            "img", {k: v for k, v in amp.attrib.items() if isinstance(v, str)}
        )
        fallback = next((i for i in amp.iter("img")), None)
        if fallback is not None and not _chosen_source(img, []):
            img = fallback
        replace(amp, img)


def _flatten_pictures(root: Element) -> None:
    """A ``<picture>`` as its ``<img>``, with the sources it offers in a format the reader shows."""
    for picture in list(root.iter("picture")):
        img = next(picture.iter("img"), None)
        if img is None:
            remove(picture)
            continue
        offered = [
            attr(source, "srcset") or attr(source, "data-srcset")
            for source in picture.iter("source")
            if attr(source, "type").lower() in _SHOWN_TYPES
            and not _SMALL_SCREEN.search(attr(source, "media"))
        ]
        chosen = _chosen_source(img, offered)
        if chosen:
            img.set("src", chosen)
        replace(picture, img)


def _use_noscript_fallbacks(root: Element) -> None:
    """A lazy image's ``<noscript>`` twin gives the address the image lacks, or goes; a
    ``<noscript>`` image with no twin takes the ``<noscript>``'s place."""
    for noscript in list(root.iter("noscript")):
        inside = next(noscript.iter("img"), None)
        if inside is None:
            continue
        twin = _twin_before(noscript)
        if twin is None:
            if names_a_picture(inside):
                unwrap(noscript)
            else:
                remove(noscript)
            continue
        if not _chosen_source(twin, []):
            for name in ("src", "srcset"):
                if attr(inside, name):
                    twin.set(name, attr(inside, name))
        remove(noscript)


def names_a_picture(img: Element) -> bool:
    """Whether a script-less fallback image is a picture: a size above a pixel, or an image file's
    name (what names neither, such as ``/tr?id=...``, is a counter for readers without scripts)."""
    sizes = [_SIZE.match(attr(img, name)) for name in ("width", "height")]
    if any(size and float(size[1]) > 2 for size in sizes):
        return True
    path = urlsplit(attr(img, "src").strip()).path.lower()
    return path.endswith(_PICTURE_FILES)


def _twin_before(noscript: Element) -> Element | None:
    """The image just before a ``<noscript>`` (its lazy twin), in its parent or a sibling, else
    the image right after it (Squarespace writes the fallback first)."""
    for sibling in noscript.itersiblings(preceding=True):
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag == "img":
            return sibling
        return next((img for img in sibling.iter("img")), None)
    parent = noscript.getparent()
    if parent is not None and parent.tag == "img":
        return parent
    after = next((e for e in noscript.itersiblings() if isinstance(e.tag, str)), None)
    return after if after is not None and after.tag == "img" and _twins(noscript, after) else None


def _twins(noscript: Element, img: Element) -> bool:
    """Whether a lazy image shows the picture of a ``<noscript>`` fallback, or nothing yet."""
    inside = next(noscript.iter("img"), None)
    source = _chosen_source(img, [])
    return inside is None or not source or same_picture(source, attr(inside, "src"))


def _settle_images(root: Element, base: str | None) -> None:
    """Give each image its one absolute address; emoji become their text, and trackers and
    images without a usable address go (their alt text with them: they show nothing)."""
    for img in list(root.iter("img")):
        if _EMOJI.search(attr(img, "class")) or _EMOJI.search(attr(img, "src")):
            replace_with_text(img, attr(img, "alt"))
            continue
        address = absolute(_chosen_source(img, []) or "", base)
        if address is None or _is_tracker(img, address):
            _drop_picture(img)
            continue
        kept = {name: attr(img, name) for name in _KEPT_ATTRIBUTES if attr(img, name)}
        img.attrib.clear()
        img.set("src", address)
        for name, value in kept.items():
            img.set(name, value)


def _drop_picture(img: Element) -> None:
    """Take out an image that shows nothing, with its figure when it was the figure's only one
    (a caption of nothing would be left)."""
    figure = _figure_of(img)
    if figure is not None and _image_total(figure) == 1:
        remove(figure)
    else:
        remove(img)


def _chosen_source(img: Element, offered: list[str]) -> str | None:
    """The address of the file nearest the column's width among an image's candidates: its
    srcsets (lazy ones too, and a <picture>'s), else its lazy or plain ``src``."""
    sets = [attr(img, name) for name in _SOURCE_SETS] + offered
    candidates = [c for value in sets if value for c in srcset_candidates(value) if _usable(c[0])]
    chosen = nearest_column(candidates)
    if chosen:
        return chosen
    return next(
        (attr(img, n).strip() for n in (*_LAZY_SOURCES, "src") if _usable(attr(img, n))), None
    )


def _usable(address: str) -> bool:
    """Whether an address may name a real picture: not empty, not inline data, no placeholder."""
    address = address.strip()
    return (
        bool(address)
        and not address.lower().startswith(("data:", "about:", "javascript:"))
        and (_PLACEHOLDER.search(address) is None)
    )


def _is_tracker(img: Element, address: str) -> bool:
    """Whether an image is a tracking pixel: at most 2 pixels either way, or a counter's address."""
    sizes = [attr(img, "width"), attr(img, "height"), *_STYLE_SIZE.findall(attr(img, "style"))]
    for size in sizes:
        number = _SIZE.match(size)
        if number and float(number[1]) <= 2:
            return True
    return _TRACKER.search(address) is not None


# Figures in one form


def _plain_figures(root: Element) -> None:
    """Every ``<figure>`` holding pictures as one plain figure per picture, innermost first; the
    caption of a figure of several (a gallery) follows its pictures as a figure of its own."""
    for figure in reversed(list(root.iter("figure"))):
        images = [img for img in figure.iter("img") if _figure_of(img) is figure]
        nested = any(inner is not figure for inner in figure.iter("figure"))
        if not images and not nested:
            continue  # an embedded post or a quotation: no picture to lay out
        captions = _captions_in(figure)
        caption, credit = _split(*caption_parts(captions))
        if len(images) == 1 and not nested:
            caption, credit = (
                (caption, credit) if captions else _split(*attribute_caption(images[0]))
            )
            replace(figure, _plain_figure(images[0], caption, credit))
            continue
        for element in captions:
            remove(element)
        for img in images:
            replace(img, _plain_figure(img, None, None))
        if caption or credit:
            figure.append(_plain_figure(None, caption, credit))
        unwrap(figure)


def _captions_in(figure: Element) -> list[Element]:
    """The outermost caption elements of a figure, not those of the figures inside it."""
    return [
        element
        for element in figure.iter()
        if element is not figure
        and isinstance(element.tag, str)
        and is_captionish(element)
        and _figure_of(element) is figure
        and next(element.iter("img"), None) is None  # a frame named for the caption below it
        and not any(is_captionish(up) for up in element.iterancestors() if up is not figure)
    ]


def _frame_loose_images(root: Element) -> None:
    """An image outside any figure that stands alone (its block holds no other text) becomes a
    plain figure, with the caption written beside it; an image inside a sentence stays put."""
    for img in list(root.iter("img")):
        if _figure_of(img) is not None:
            continue
        holder = _holder(img, root)
        if holder is None:
            continue
        region = caption_region(img)
        caption, credit = _split(*caption_parts(region)) if region else (None, None)
        if not (caption or credit):
            caption, credit = _split(*attribute_caption(img))
        for element in region:
            if not _inside(element, holder):
                remove(element)
        replace(holder, _plain_figure(img, caption, credit))


def _holder(img: Element, root: Element) -> Element | None:
    """What a loose image takes up: the highest element around it that holds no other picture
    and no text but captions; None when the image is inside a sentence."""
    holder, node = img, img.getparent()
    while node is not root and _image_total(node) == 1 and not _loose_text(node):
        holder, node = node, node.getparent()
    inside_a_sentence = holder.tag in _INLINE and _loose_text(node)
    return None if inside_a_sentence else holder


def _loose_text(element: Element) -> bool:
    """Whether an element holds text outside captions (what a loose image must not take along)."""
    if isinstance(element.tag, str) and is_captionish(element):
        return False
    if clean(element.text or "") and isinstance(element.tag, str):
        return True
    for child in element:
        if clean(child.tail or "") or (isinstance(child.tag, str) and _loose_text(child)):
            return True
    return False


def _inside(element: Element, holder: Element) -> bool:
    """Whether an element is the holder or inside it."""
    return element is holder or any(up is holder for up in element.iterancestors())


def _image_total(element: Element) -> int:
    """How many pictures an element holds (itself included)."""
    return sum(1 for _ in element.iter("img"))


def _split(caption: str | None, credit: str | None) -> tuple[str | None, str | None]:
    """A caption without its credit, and the credit, even when written as one line."""
    if caption and not credit:
        return split_credit(caption)
    return caption, credit


def _plain_figure(img: Element | None, caption: str | None, credit: str | None) -> Element:
    """``<figure><img><figcaption>caption<small>credit</small></figcaption></figure>``."""
    etree = etree_module()
    figure = etree.Element("figure")
    if img is not None:
        shown = etree.SubElement(figure, "img")
        for name in ("src", *_KEPT_ATTRIBUTES):
            if attr(img, name):
                shown.set(name, attr(img, name))
    if caption or credit:
        figcaption = etree.SubElement(figure, "figcaption")
        figcaption.text = f"{caption} " if caption and credit else caption or ""
        if credit:
            etree.SubElement(figcaption, "small").text = credit
    return figure


def _figure_caption(img: Element) -> tuple[str | None, str | None]:
    """The caption and credit of the plain figure around an image of a sanitized body."""
    figure = _figure_of(img)
    figcaption = next(figure.iter("figcaption"), None) if figure is not None else None
    if figcaption is None:
        return None, None
    smalls = list(figcaption.iter("small"))
    credit = clean(" ".join(text_of(small) for small in smalls)) or None
    caption = clean((figcaption.text or "") + "".join(_tails_and_text(figcaption, smalls)))
    return caption or None, credit


def _tails_and_text(element: Element, skipped: list[Element]) -> Iterator[str]:
    """The text of an element's children, leaving out the skipped ones but not their tails."""
    for child in element:
        if child not in skipped:
            yield text_of(child)
        yield child.tail or ""


def _figure_of(element: Element) -> Element | None:
    """The nearest ``<figure>`` around an element."""
    return next((up for up in element.iterancestors("figure")), None)
