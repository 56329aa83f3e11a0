"""The pictures of an article's element: which are its own (not a logo, an icon, an avatar, a
button, an ad or a linked story's thumbnail), the addresses each may load, and a loose image
framed as a figure with the caption written beside it."""

from __future__ import annotations

from html import escape

from lxml import html as lxml_html

from desktop.ingest.captions import caption_region
from desktop.ingest.captiontext import caption_parts, spaced_text
from desktop.ingest.elements import Element, attr, clean, text_of
from desktop.ingest.furniture import name_words

SMALL_PICTURE = 100  # pixels under which an image is an icon, a logo or an avatar
_PICTURE_WORDS = frozenset(
    {"logo", "icon", "avatar", "author", "headshot", "mugshot", "profile", "sprite", "badge",
     "emoji", "button", "share", "ad", "ads", "sponsor", "advert", "gravatar", "favicon",
     "thumbnail", "thumb", "placeholder", "spacer", "pixel", "banner", "flag", "wordmark"}
)  # fmt: skip


def holds_only_pictures(element: Element) -> bool:
    """Whether a paragraph holds nothing but pictures and the captions written beside them
    ("<p><img><br><em>caption</em></p>", as Markdown renders an image and the line under it)."""
    regions = tuple(part for img in element.iter("img") for part in caption_region(img))
    return bool(regions) and not spaced_text(element, regions)


def framed(img: Element, region: list[Element]) -> str:
    """A loose image as a figure with the caption written beside it."""
    caption, credit = caption_parts(region) if region else (None, None)
    words = escape(caption or "") + (f"<small>{escape(credit)}</small>" if credit else "")
    figcaption = f"<figcaption>{words}</figcaption>" if words else ""
    return f"<figure>{_markup(img)}{figcaption}</figure>"


def picture_sources(img: Element) -> list[str]:
    """The addresses an image may load: plain, lazy and each of its source sets'."""
    found: list[str] = []
    for name, value in img.attrib.items():
        if "src" not in name and name not in {"data-original", "data-url", "data-lazy"}:
            continue
        for candidate in value.split(",") if "srcset" in name else [value]:
            address = candidate.strip().split(" ")[0]
            if address and not address.startswith("data:") and address not in found:
                found.append(address)
    return found


def is_furniture_picture(img: Element) -> bool:
    """Whether an image is a logo, icon, avatar, button, ad or a linked story's thumbnail."""
    for name in ("width", "height"):
        size = attr(img, name).strip().removesuffix("px")
        if size.isdigit() and int(size) < SMALL_PICTURE:
            return True
    source = attr(img, "src").rsplit("/", 1)[-1]
    names = f"{attr(img, 'class')} {attr(img, 'id')} {source}"
    if not _PICTURE_WORDS.isdisjoint(name_words(names)):
        return True
    link = next(img.iterancestors("a"), None)
    return link is not None and bool(clean(text_of(link)))


def _markup(element: Element) -> str:
    """An element's markup, without its tail."""
    return str(lxml_html.tostring(element, encoding="unicode", with_tail=False))
