"""Reading RSS, Atom and JSON Feed documents into plain values the store and reader can use.

Entries come out with sanitized HTML, absolute web links, UTC times and a lead photo, so nothing
past this module sees a library's objects.

RSS 0.9x/1.0/2.0 and Atom go through feedparser (imported on first use, with its own sanitizer
off: nh3 is faster); JSON Feed, which feedparser does not read, through ``json``. feedparser is
corrected once per process, for Media RSS and for speed (``desktop.ingest.feedparsing``).
"""

from __future__ import annotations

import codecs
import hashlib
import html
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from html.entities import name2codepoint
from typing import Any
from urllib.parse import urljoin, urlsplit

from desktop.ingest.byteorder import wide_encoding
from desktop.ingest.escaping import escape_lone_tags, undo_double_escaping
from desktop.ingest.feedparsing import feedparser_module
from desktop.ingest.figures import BodyImage, body_images
from desktop.ingest.picturekeys import same_picture
from desktop.ingest.sanitize import sanitize_html
from desktop.ingest.text import html_to_text
from desktop.moments import in_utc, iso_moment, mail_moment, utc_moment

MAX_TITLE_CHARS = 500
TITLE_WORDS_FROM_SUMMARY = 12
UNTITLED = "Untitled"
SNIFF_BYTES = 4096
FEED_ROOTS = frozenset({"rss", "rdf", "feed"})
JSON_FEED_VERSION = "https://jsonfeed.org/version/"
_JSON_INT_DIGITS = 40  # longer integers are kept as text (an id may be one)
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})

EMPTY_DOCUMENT = "This address gives an empty document, not a feed."
WEB_PAGE = "This address gives a web page, not a feed."
NEITHER_XML_NOR_JSON = "This is not a feed: the document is neither XML nor JSON."

_PROLOG = re.compile(r"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)*", re.S | re.I)
_ROOT = re.compile(r"<([A-Za-z_][\w.:-]*)")
_HTML_DOCTYPE = re.compile(r"<!DOCTYPE\s+html", re.I)
_JSON_FEED_VERSION = re.compile(r'"version"\s*:\s*"https:\\?/\\?/jsonfeed\.org\\?/version\\?/')
_BLANK_LINES = re.compile(r"\n\s*\n")
_EMAIL_THEN_NAME = re.compile(r"\S+@\S+\s*\((.+)\)")
_NAME_THEN_EMAIL = re.compile(r"(.+?)\s*(?:\(\S+@[^\s)]+\)|<\S+@[^\s>]+>)")
# expat's messages, where they say little to a person.
_XML_ERRORS = {
    "no element found": "it ends too early",
    "unclosed token": "it ends inside a tag",
    "not well-formed (invalid token)": "a character that XML does not allow",
}
_DECLARED_ENCODING = re.compile(r"""\A(\s*<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_HTML_DOCTYPE_BYTES = re.compile(rb"<!DOCTYPE\s+html\b[^\[>]*(?:\[.*?\])?\s*>", re.S | re.I)
_ENTITY_REFERENCE = re.compile(rb"&([A-Za-z][A-Za-z0-9]*);")
XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_ENCODING_OVERRIDE = re.compile(r"declared as (\S+), but parsed as (\S+)")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One article as a feed describes it, in plain values ready to store and show."""

    guid: str | None
    link: str | None
    title: str
    author: str | None
    published: datetime | None
    summary_html: str | None
    content_html: str | None
    image_url: str | None
    image_caption: str | None
    image_credit: str | None
    # The pictures of the body (content, else summary), with their figures' captions.
    images: tuple[BodyImage, ...] = ()

    def content_hash(self, body_text: str | None = None) -> str:
        """A fingerprint of the title and text, to spot repeats when guid and link change
        (``body_text``: the body's text, when the caller already has it)."""
        if body_text is None:
            body_text = html_to_text(self.content_html or self.summary_html or "")
        text = f"{_fold(self.title)}\n{_fold(body_text)}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title, home page and entries, with a sentence on any error it recovered from."""

    title: str | None
    site_url: str | None
    entries: tuple[FeedEntry, ...]
    problem: str | None = None


class FeedParseError(ValueError):
    """The document is not a feed, or gives nothing usable; ``str()`` is one sentence."""


@dataclass(frozen=True, slots=True)
class _Photo:
    """A lead photo found in an entry, with the caption and credit that belong to it."""

    url: str
    caption: str | None = None
    credit: str | None = None


def parse_feed(data: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Read a feed document fetched from ``url``; raise FeedParseError when it is not a feed."""
    head = _head_text(data)
    if not head.strip():
        raise FeedParseError(EMPTY_DOCUMENT)
    if head.lstrip().startswith("{"):
        return _parse_json_feed(data, url)
    root = _root_element(head)
    # A feed made from an XHTML template may keep the template's doctype: the root decides.
    if root == "html" or (root not in FEED_ROOTS and _has_html_doctype(head)):
        raise FeedParseError(WEB_PAGE)
    return _parse_xml_feed(data, url, content_type)


def is_feed(data: bytes) -> bool:
    """Whether the first few KB look like RSS, RDF, Atom or JSON Feed (a cheap sniff)."""
    head = _head_text(data)
    if head.lstrip().startswith("{"):
        return _JSON_FEED_VERSION.search(head) is not None
    return _root_element(head) in FEED_ROOTS


# Sniffing


def _head_text(data: bytes) -> str:
    """The first few KB as text, enough to find the root element (UTF-16, UTF-32 and byte-order
    marks handled)."""
    wide = wide_encoding(data)
    if wide is not None:
        return wide.decode(data[: wide.mark + SNIFF_BYTES * 4], "ignore")
    return data[:SNIFF_BYTES].removeprefix(codecs.BOM_UTF8).decode("latin-1")


def _root_element(head: str) -> str | None:
    """The local name of the document's first element, lower case, after the prolog."""
    found = _ROOT.match(head, _prolog_end(head))
    return found[1].rsplit(":", 1)[-1].lower() if found else None


def _prolog_end(head: str) -> int:
    """Where the XML declaration, comments and doctype before the root element end."""
    prolog = _PROLOG.match(head)
    return prolog.end() if prolog else 0


def _has_html_doctype(head: str) -> bool:
    """Whether the prolog declares an HTML or XHTML doctype."""
    return _HTML_DOCTYPE.search(head, 0, _prolog_end(head)) is not None


# XML feeds through feedparser


def _parse_xml_feed(data: bytes, url: str, content_type: str | None) -> ParsedFeed:
    """Read RSS or Atom with feedparser and turn its result into plain values."""
    utf8 = _in_utf8(data)
    # Re-encoded, the document no longer is in the character set the server named.
    document = _with_html_entities(utf8)
    result = _run_feedparser(document, url, content_type if utf8 is data else None)
    version = str(result.get("version") or "")
    error = result.get("bozo_exception") if result.get("bozo") else None
    # Atom says which texts are HTML. RSS leaves it open: in well-formed XML, a tag opened in a
    # title and never closed was escaped by its author, as text; in a broken feed, it may be a
    # tag left open, so the types feedparser guesses are taken as they are.
    typed = version.startswith("atom") or _is_fatal(error)
    entries = _unique_by_guid(
        filter(None, (_xml_entry(raw, url, typed) for raw in result["entries"]))
    )
    if not entries and not version:
        raise FeedParseError(_not_a_feed_reason(data, content_type, error))
    if not entries and _is_fatal(error):
        raise FeedParseError(f"This feed could not be read: it is {_describe_error(error)}.")
    feed = result["feed"]
    title = _title_text(_field(feed, "title"), _title_markup(_field(feed, "title_detail"), typed))
    site_url = _web_url(_field(feed, "link"), url)
    return ParsedFeed(title or None, site_url, entries, _problem(error, len(entries)))


def _run_feedparser(data: bytes, url: str, content_type: str | None) -> Any:
    """Parse with feedparser from memory, its slow sanitizer and URI rewriting off."""
    # With a content location feedparser resolves a base for every element, a third of its
    # time; it needs one only to follow a relative xml:base (other links resolve without it).
    headers = {"content-location": url} if b"xml:base" in data else {}
    # Without a charset, RFC 3023 makes text/xml US-ASCII; feedparser would then flag every
    # UTF-8 feed served that way, so the type is passed only when it names the charset.
    if content_type and "charset=" in content_type.lower():
        headers["content-type"] = content_type
    return feedparser_module().parse(
        io.BytesIO(_without_leading_blanks(data)),
        sanitize_html=False,
        resolve_relative_uris=False,
        response_headers=headers,
    )


def _in_utf8(data: bytes) -> bytes:
    """A document in UTF-16 or UTF-32 re-encoded as UTF-8 and declared so; others unchanged.

    feedparser reads these only when they declare their encoding (not as XML allows, by their
    byte-order mark alone), and notes a mismatch with the UTF-8 it assumes otherwise.
    """
    wide = wide_encoding(data)
    if wide is None:
        return data
    text = _DECLARED_ENCODING.sub(r'\g<1>"utf-8"', wide.decode(data), count=1)
    return text.encode("utf-8")


def _with_html_entities(data: bytes) -> bytes:
    """A feed with an HTML or XHTML doctype, given the entities that doctype's DTD defines.

    feedparser reads no DTD, so ``&nbsp;`` in a feed made from an XHTML template would be an
    undefined entity and the feed taken for broken; the doctype becomes one that declares, as
    character references, the HTML entities the document uses.
    """
    first_element = _FIRST_ELEMENT.search(data)
    prolog_end = first_element.start() if first_element else len(data)
    doctype = _HTML_DOCTYPE_BYTES.search(data, 0, prolog_end)
    if doctype is None:
        return data
    used = sorted({name.decode() for name in _ENTITY_REFERENCE.findall(data)})
    declarations = "".join(
        f'<!ENTITY {name} "&#{name2codepoint[name]};">\n'
        for name in used
        if name in name2codepoint and name not in XML_ENTITIES
    )
    replacement = f"\n<!DOCTYPE html [\n{declarations}]>".encode() if declarations else b""
    return data[: doctype.start()] + replacement + data[doctype.end() :]


def _without_leading_blanks(data: bytes) -> bytes:
    """The document without the blank lines some servers send before the XML declaration."""
    # Left in, they make expat reject the whole document as not well-formed.
    stripped = data.lstrip(b" \t\r\n")
    return stripped if stripped.startswith(b"<?xml") else data


def _xml_entry(raw: Mapping[str, Any], feed_url: str, typed: bool) -> FeedEntry | None:
    """One feedparser entry as a FeedEntry, or None when it carries nothing to show (``typed``:
    whether the types of its titles are to be taken as they are)."""
    link = _entry_link(raw, feed_url)
    content_detail = _chosen_content(raw)
    summary_detail = _summary_detail(raw, content_detail)
    content = _detail_html(content_detail, _content_base(content_detail, link, feed_url))
    summary = _detail_html(summary_detail, _content_base(summary_detail, link, feed_url))
    title = _title_text(_field(raw, "title"), _title_markup(_field(raw, "title_detail"), typed))
    if not (title or link or summary or content):
        return None
    images = body_images(content or summary or "")
    photo = _lead_photo(_xml_photo(raw, feed_url), images)
    return FeedEntry(
        guid=_stripped(_field(raw, "id")),
        link=link,
        title=_entry_title(title, summary or content),
        author=_person_name(_field(raw, "author")),
        published=_xml_published(raw),
        summary_html=summary,
        content_html=content,
        image_url=photo.url if photo else None,
        image_caption=photo.caption if photo else None,
        image_credit=photo.credit if photo else None,
        images=images,
    )


def _entry_link(raw: Mapping[str, Any], feed_url: str) -> str | None:
    """The entry's web address; None rather than one made up from a guid that is no address."""
    # With no link element, feedparser makes the RSS guid (or Atom id) the link, resolved
    # against the feed's address; it is kept only when the guid spells it out in full, so a
    # guid such as "item-12" never becomes https://site/feeds/item-12. (The guid is looked at,
    # not the whole document: searching the document for every entry made a feed of 180,000
    # such entries take minutes.)
    link = _web_url(_field(raw, "link"), feed_url)
    links = _field(raw, "links") or ()
    if not link or not _field(raw, "guidislink") or any(_is_alternate(x) for x in links):
        return link
    guid = _stripped(_field(raw, "id"))
    return link if guid and _web_url(guid, "") == link else None


def _is_alternate(link: Mapping[str, Any]) -> bool:
    """Whether a feedparser link is the entry's own page (rel alternate, the default)."""
    return str(link.get("rel", "alternate")) == "alternate"


def _chosen_content(raw: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The entry's full content: the first HTML one if it carries several, else the first."""
    contents: list[Mapping[str, Any]] = [
        c for c in _field(raw, "content") or () if _stripped(c.get("value"))
    ]
    html_contents = [c for c in contents if _is_html(c)]
    return next(iter(html_contents or contents), None)


def _summary_detail(
    raw: Mapping[str, Any], content: Mapping[str, Any] | None
) -> Mapping[str, Any] | None:
    """The entry's summary, unless it is feedparser's copy of the content (no summary given)."""
    value = _field(raw, "summary")
    if not _stripped(value) or (content is not None and value == content.get("value")):
        return None
    detail = _field(raw, "summary_detail")
    # feedparser leaves no detail when it copied the content into an empty summary.
    return detail if detail and detail.get("value") == value else {"value": value}


def _content_base(detail: Mapping[str, Any] | None, link: str | None, feed_url: str) -> str:
    """What a content's relative URLs resolve against: xml:base, else entry link, else feed."""
    base = detail.get("base") if detail else None
    if isinstance(base, str) and base and base != feed_url:
        return base
    return link or feed_url


def _detail_html(detail: Mapping[str, Any] | None, base: str) -> str | None:
    """A feedparser text construct as sanitized HTML (plain text becomes escaped paragraphs)."""
    value = _stripped(detail.get("value")) if detail else None
    if detail is None or value is None:
        return None
    markup = undo_double_escaping(value) if _is_html(detail) else _paragraphs(value)
    return _stripped(sanitize_html(markup, base))


def _xml_published(raw: Mapping[str, Any]) -> datetime | None:
    """When the entry was published, else updated, as aware UTC; None when absent or unreadable."""
    return _xml_date(raw, "published") or _xml_date(raw, "updated")


def _xml_date(raw: Mapping[str, Any], key: str) -> datetime | None:
    """An entry's date: ISO 8601 by the standard library, else feedparser's, else RFC 822."""
    # ISO first: feedparser reads 20240303T080000Z as midnight and 2024/03/05 as 1 November.
    text = _field(raw, key)
    return (
        in_utc(iso_moment(text, slashes=True))
        or _from_struct(_field(raw, f"{key}_parsed"))
        or in_utc(mail_moment(text))
    )


def _xml_photo(raw: Mapping[str, Any], feed_url: str) -> _Photo | None:
    """The lead photo from Media RSS (largest image, then thumbnail) or an image enclosure."""
    images = [m for m in _field(raw, "media_content") or () if _is_image_media(m)]
    thumbnails = list(_field(raw, "media_thumbnail") or ())
    for media in (_largest(images), _largest(thumbnails)):
        url = _web_url(media.get("url"), feed_url) if media else None
        if media and url:
            return _Photo(url, _media_caption(media, raw), _media_text(media, raw, "credit"))
    return _enclosure_photo(raw, feed_url)


def _is_image_media(media: Mapping[str, Any]) -> bool:
    """Whether a media:content is a still image (by medium, type, or file name if neither)."""
    medium, kind = media.get("medium"), str(media.get("type") or "")
    if medium or kind:
        return medium == "image" or kind.startswith("image/")
    return urlsplit(str(media.get("url") or "")).path.lower().endswith(IMAGE_EXTENSIONS)


def _largest(media: list[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The media item with the most pixels; the first when sizes are missing."""
    return max(
        media, key=lambda m: _number(m.get("width")) * _number(m.get("height")), default=None
    )


def _media_caption(media: Mapping[str, Any], raw: Mapping[str, Any]) -> str | None:
    """A photo's caption: its description, else its title, else the entry's media ones."""
    return _media_text(media, raw, "description") or _media_text(media, raw, "title")


def _media_text(media: Mapping[str, Any], raw: Mapping[str, Any], name: str) -> str | None:
    """A photo's own media:<name> text, else one given for all of the entry's media."""
    key = f"broadsheet_media_{name}"
    return _text_of(media.get(key), True) or _text_of(_field(raw, key), True) or None


def _enclosure_photo(raw: Mapping[str, Any], feed_url: str) -> _Photo | None:
    """The first image enclosure, as a photo."""
    for link in _field(raw, "links") or ():
        if link.get("rel") == "enclosure" and str(link.get("type", "")).startswith("image/"):
            url = _web_url(link.get("href"), feed_url)
            if url:
                return _Photo(url)
    return None


def _person_name(author: object) -> str | None:
    """A byline from an author field: the name from "mail (Name)" or "Name <mail>" forms."""
    # Not feedparser's author_detail: it splits "desk@courier.example (Owen Price)" into the
    # address "desk@courier.exam" and the name "ple (Owen Price".
    text = _text_of(author, True)
    for pattern in (_EMAIL_THEN_NAME, _NAME_THEN_EMAIL):
        found = pattern.fullmatch(text)
        if found:
            return found[1].strip() or None
    return text or None


def _not_a_feed_reason(data: bytes, content_type: str | None, error: object) -> str:
    """Why a document that gave no feed is not one, as one sentence."""
    root = _root_element(_head_text(data))
    if root is None:
        return NEITHER_XML_NOR_JSON
    if "html" in (content_type or "").lower() or root in {"head", "body"}:
        return WEB_PAGE
    if _is_fatal(error):
        return f"This is not a feed: it is {_describe_error(error)}."
    return f"This is not a feed: it is an XML document of another kind (<{root}>)."


def _is_fatal(error: object) -> bool:
    """Whether a feedparser error stopped the parse (not just a note about the charset)."""
    notes = feedparser_module().ThingsNobodyCaresAboutButMe
    return error is not None and not isinstance(error, notes)


def _describe_error(error: object) -> str:
    """What is wrong with a document, e.g. "not well-formed XML (mismatched tag at line 12)"."""
    get_message = getattr(error, "getMessage", None)
    get_line = getattr(error, "getLineNumber", None)
    if callable(get_message) and callable(get_line):
        message = str(get_message())
        return f"not well-formed XML ({_XML_ERRORS.get(message, message)} at line {get_line()})"
    return f"broken ({error})"


def _problem(error: object, read: int) -> str | None:
    """One sentence on the error a feed was read despite, or None when there is nothing to say."""
    if error is None:
        return None
    if _is_fatal(error):
        return f"The feed is {_describe_error(error)}; {read} of its entries could be read."
    override = _ENCODING_OVERRIDE.search(str(error))
    if override:
        declared, actual = override[1], override[2].lower()
        return (
            f"The feed declares the {declared} character set but is written in another; "
            f"its text was read as {actual}."
        )
    return None


# JSON Feed


def _parse_json_feed(data: bytes, url: str) -> ParsedFeed:
    """Read a JSON Feed 1.0 or 1.1 document."""
    document = _load_json(data)
    version = document.get("version") if isinstance(document, dict) else None
    if not isinstance(version, str) or not version.startswith(JSON_FEED_VERSION):
        raise FeedParseError("This is not a feed: it is JSON, but not a JSON Feed.")
    items = document.get("items")
    if not isinstance(items, list):
        raise FeedParseError("This JSON Feed has no list of items to read.")
    read = [_json_entry(item, url) if isinstance(item, dict) else None for item in items]
    entries = _unique_by_guid(filter(None, read))
    problem = _skipped(len(items) - sum(entry is not None for entry in read), len(items))
    title = _title_text(document.get("title"), None) or None
    return ParsedFeed(title, _web_url(document.get("home_page_url"), url), entries, problem)


def _skipped(skipped: int, total: int) -> str | None:
    """One sentence on the items of a feed that could not be read, if any."""
    if not skipped:
        return None
    if skipped < total:
        return f"{skipped} of the feed's {total} items could not be read."
    if total == 1:
        return "The feed's one item could not be read."
    return f"None of the feed's {total} items could be read."


def _load_json(data: bytes) -> Any:
    """The decoded JSON document; a FeedParseError naming the spot when it is not valid."""
    try:
        return json.loads(data, parse_int=_json_int)
    except json.JSONDecodeError as error:
        raise FeedParseError(
            f"This is not a feed: the JSON is broken ({error.msg} at line {error.lineno})."
        ) from error
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
        raise FeedParseError("This is not a feed: the JSON cannot be decoded.") from error


def _json_int(digits: str) -> int | str:
    """A JSON integer as a number, or kept as its digits when it is longer than any a feed
    needs (Python refuses to convert more than 4,300 digits, and the work grows with them)."""
    return int(digits) if len(digits) <= _JSON_INT_DIGITS else digits


def _json_entry(item: Mapping[str, Any], feed_url: str) -> FeedEntry | None:
    """One JSON Feed item as a FeedEntry, or None when it carries nothing to show."""
    permalink = _web_url(item.get("url"), feed_url)
    link = permalink or _web_url(item.get("external_url"), feed_url)
    base = permalink or feed_url
    content = _json_html(item.get("content_html"), item.get("content_text"), base)
    summary = _json_html(None, item.get("summary"), base)
    title = _title_text(item.get("title"), None)
    if not (title or link or summary or content):
        return None
    images = body_images(content or summary or "")
    photo = _lead_photo(_json_photo(item, base), images)
    return FeedEntry(
        guid=_json_id(item.get("id")),
        link=link,
        title=_entry_title(title, summary or content),
        author=_json_author(item),
        published=utc_moment(item.get("date_published")) or utc_moment(item.get("date_modified")),
        summary_html=summary,
        content_html=content,
        image_url=photo.url if photo else None,
        image_caption=photo.caption if photo else None,
        image_credit=photo.credit if photo else None,
        images=images,
    )


def _json_html(markup: object, text: object, base: str) -> str | None:
    """Sanitized HTML from an item's HTML field, else its plain text as escaped paragraphs."""
    if isinstance(markup, str) and markup.strip():
        return _stripped(sanitize_html(markup, base))
    if isinstance(text, str) and text.strip():
        return _stripped(sanitize_html(_paragraphs(text), base))
    return None


def _json_photo(item: Mapping[str, Any], base: str) -> _Photo | None:
    """The item's image, else its banner image."""
    url = _web_url(item.get("image"), base) or _web_url(item.get("banner_image"), base)
    return _Photo(url) if url else None


def _json_id(value: object) -> str | None:
    """An item id as text (some feeds give numbers, against the spec)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return _stripped(value)


def _json_author(item: Mapping[str, Any]) -> str | None:
    """The item's authors' names (JSON Feed 1.1 ``authors``, 1.0 ``author``), comma-separated."""
    people = item.get("authors")
    if not isinstance(people, list):
        people = [item.get("author")]
    names = [_text_of(p.get("name"), True) for p in people if isinstance(p, dict)]
    return ", ".join(name for name in names if name) or None


# Values shared by both paths


def _entry_title(title: str, body_html: str | None) -> str:
    """The title, else the first words of the summary or content, else "Untitled"; capped."""
    if not title and body_html:
        words = html_to_text(body_html).split()
        title = " ".join(words[:TITLE_WORDS_FROM_SUMMARY])
        title += "…" if len(words) > TITLE_WORDS_FROM_SUMMARY else ""
    return _capped(title) or UNTITLED


def _capped(title: str) -> str:
    """A title cut to MAX_TITLE_CHARS, at a word boundary when there is one, with an ellipsis."""
    if len(title) <= MAX_TITLE_CHARS:
        return title
    cut = title[:MAX_TITLE_CHARS]
    words = cut.rsplit(" ", 1)[0] if " " in cut[MAX_TITLE_CHARS // 2 :] else cut
    return words[: MAX_TITLE_CHARS - 1].rstrip() + "…"


def _title_text(value: object, markup: bool | None) -> str:
    """A title as plain text on one line. As HTML (``markup`` True, or None where the format
    leaves it open), its tags go and its entities are decoded; where it is left open, a tag
    named as text ("History of the <blink> tag") stays as written."""
    if not isinstance(value, str) or markup is False or ("<" not in value and "&" not in value):
        return _text_of(value, False)
    html_title = undo_double_escaping(value)
    return _text_of(html_title if markup else escape_lone_tags(html_title), True)


def _title_markup(detail: object, typed: bool) -> bool | None:
    """Whether a title is HTML: as its type says where that is to be trusted (``typed``); else
    None where feedparser guessed HTML from the tags it found, which may be words about tags."""
    is_html = _is_html(detail)
    return is_html if typed or not is_html else None


def _text_of(value: object, is_html: bool) -> str:
    """Plain text on one line: tags stripped and entities decoded when it is HTML."""
    if not isinstance(value, str):
        return ""
    has_markup = "<" in value or "&" in value  # without either, the HTML parse changes nothing
    return _fold(html_to_text(value) if is_html and has_markup else value)


def _is_html(detail: object) -> bool:
    """Whether a feedparser text construct holds HTML (or XHTML) rather than plain text."""
    return isinstance(detail, Mapping) and detail.get("type", "text/html") in HTML_TYPES


def _paragraphs(text: str) -> str:
    """Plain text as escaped HTML paragraphs: blank lines split them, line breaks stay."""
    blocks = (block.strip() for block in _BLANK_LINES.split(text.replace("\r\n", "\n")))
    return "".join(
        f"<p>{html.escape(block).replace(chr(10), '<br>')}</p>" for block in blocks if block
    )


def _lead_photo(named: _Photo | None, images: tuple[BodyImage, ...]) -> _Photo | None:
    """The entry's lead photo: the one its metadata names, captioned by the body's figure of the
    same picture when it has no caption of its own; else the body's first picture."""
    if named is None:
        first = images[0] if images else None
        return _Photo(first.url, first.caption, first.credit) if first else None
    if named.caption or named.credit:
        return named
    figure = next((image for image in images if same_picture(image.url, named.url)), None)
    if figure is None:
        return named
    return _Photo(named.url, figure.caption, figure.credit)


def _unique_by_guid(entries: Iterable[FeedEntry]) -> tuple[FeedEntry, ...]:
    """The entries with repeated guids dropped, the first of each kept."""
    return tuple(_first_of_each_guid(entries))


def _first_of_each_guid(entries: Iterable[FeedEntry]) -> Iterator[FeedEntry]:
    """Yield entries whose guid has not been seen (entries without one always)."""
    seen: set[str] = set()
    for entry in entries:
        if entry.guid is None or entry.guid not in seen:
            seen.add(entry.guid or "")
            yield entry


def _web_url(value: object, base: str) -> str | None:
    """An absolute http(s) URL from a possibly relative one; None for other schemes."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        url = urljoin(base, value.strip())
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in {"http", "https"} and parts.hostname else None


def _from_struct(value: object) -> datetime | None:
    """A feedparser time tuple (already UTC) as an aware datetime."""
    if not isinstance(value, tuple) or len(value) < 6:
        return None
    year, month, day, hour, minute, second = value[:6]
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _number(value: object) -> int:
    """A size attribute as a whole number; 0 when missing or not a number."""
    try:
        return int(str(value).strip().removesuffix("px"))
    except ValueError:
        return 0


def _field(raw: Mapping[str, Any], key: str) -> Any:
    """A feedparser field by its own name, past FeedParserDict's aliases."""
    # Its alias from `updated` to `published` raises a DeprecationWarning (an error in tests).
    return dict.get(raw, key) if isinstance(raw, dict) else raw.get(key)


def _stripped(value: object) -> str | None:
    """A string without surrounding whitespace, or None when empty or not a string."""
    return (value.strip() or None) if isinstance(value, str) else None


def _fold(text: str) -> str:
    """Text with every run of whitespace made one space."""
    return " ".join(text.split())
