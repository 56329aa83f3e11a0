"""When an article page says it was published, as an aware moment in the page's own zone.

Machine-readable times come first (meta tags, JSON-LD, ``<time datetime>``, RDFa ``content``);
one with an offset is taken as it is. Otherwise the time the page shows is read ("April 2, 2025
07:47 PM EST", "2.4.2025 19.47 MEZ", "Publié le 14 janvier 2025 à 18h12", "2025年1月14日
19時47分"), its zone abbreviation as the page's country means it. A time without a zone is read
in the page's own zone: the one it shows, else the one its locale (og:locale, then its language)
implies, else UTC. A bare date is midnight UTC; trafilatura's guess is the last resort.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any, NamedTuple

from desktop.ingest.datewords import (
    MONTH_FIRST_COUNTRIES,
    local_zone,
    locale_parts,
    zone_of_locale,
)
from desktop.ingest.elements import Element, attr, clean
from desktop.ingest.jsonld import ld_text
from desktop.ingest.pagedates import Stated, first_stated, stated
from desktop.ingest.pagelayout import ARTICLE_TAGS, reading_order
from desktop.moments import iso_moment, mail_moment

MAX_DATE_TEXT = 200  # characters of an element's text beyond which it is no date line
NEAR_DAYS = 1  # days a shown date may be from the machine-readable one and still be its
# Meta tags that give the publication time, best first (lower-case names).
PUBLISHED_META = (
    "article:published_time", "datepublished", "og:article:published_time", "published_time",
    "article.published", "parsely-pub-date", "sailthru.date", "publish-date", "publishdate",
    "pubdate", "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
    "dcterms.issued",
)  # fmt: skip
_RDFA_DATES = frozenset(
    {"dc:date", "dc:created", "dcterms:date", "dcterms:created", "dcterms:issued",
     "article:published_time", "schema:datePublished", "datePublished"}
)  # fmt: skip
# Words of an element's class or id that mark the date it shows, and those that mark another.
_DATE_WORDS = frozenset(
    {"date", "dates", "time", "timestamp", "published", "publish", "posted", "pubdate",
     "dateline", "datetime", "datum", "fecha", "data", "zeit", "tarih", "tanggal"}
)  # fmt: skip
_OTHER_DATE_WORDS = frozenset(
    {"updated", "update", "modified", "today", "comment", "comments", "event", "events"}
)  # fmt: skip
# Labels of an update on a date line: what follows one is no publication time.
_UPDATE = re.compile(
    r"(?:last\s+)?(?:updated|modified)|mis à jour|aktualisiert|actualizado|aggiornato"
    r"|atualizado|bijgewerkt|最終更新|更新|수정|обновлено|güncelleme|güncellendi|diperbarui"
    r"|aktualizováno|aktualizacja|zaktualizowano|cập nhật|آخر تحديث|تم التحديث|עודכן",
    re.I,
)
_PUBLISHED_LABEL = re.compile(
    r"(?:first\s+)?(?:published|posted)\b|publié|veröffentlicht|publicado|pubblicato|gepubliceerd"
    r"|입력|기사입력|发布时间|發布時間|发布于|發佈|опубликовано|yayınlanma|yayın tarihi|diterbitkan"
    r"|dipublikasikan|publikováno|opublikowano|نشر في|تاريخ النشر|פורסם",
    re.I,
)
# A numeric date with a time of day, as Chinese pages show it in their info line ("2025-03-04
# 14:30 来源：...", "2025年03月04日 14:30"): a line that holds one shows the publication time.
_DATE_AND_CLOCK = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}[:：]\d{2}"
)
# The first letters of a page's title in a script that names its language, when the page names
# none: kana for Japanese, hangul for Korean, Han characters alone for Chinese.
_SCRIPTS = (("ja", re.compile(r"[\u3040-\u30ff]")), ("ko", re.compile(r"[\uac00-\ud7af]")),
            ("zh", re.compile(r"[\u4e00-\u9fff]")))  # fmt: skip
_AMERICAN_ZONE = re.compile(r"\b(?:[ECMP][SD]?T|AK[SD]T|HST)\b")
_CLASS_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


class _Place(NamedTuple):
    """Where a page is from: its country, and the IANA name of its clock (a zone abbreviation
    that names this clock is read by its daylight saving)."""

    country: str | None
    local: str | None


def published(
    tree: Element, meta: dict[str, str], ld: dict[str, Any], guess: Callable[[], str | None]
) -> datetime | None:
    """When the article was published, aware; None when the page does not say."""
    locale = _locale(tree, meta)
    place = _Place(locale_parts(locale)[1], local_zone(locale))
    values = _machine_values(tree, meta, ld)
    machine = [when for when in (_machine_time(value, place) for value in values) if when]
    exact = next((when for when in machine if when.clock and when.zone), None)
    if exact is not None:
        return _moment(exact, UTC)
    day = next((when.day for when in machine if when.day), None)
    shown = _shown_time(tree, day, place)
    local = next((when for when in machine if when.clock), None)
    best = _best(local, shown, day, zone_of_locale(locale))
    return best or _moment(_machine_time(guess()) or Stated(None, None, None), UTC)


def _best(
    local: Stated | None, shown: Stated | None, day: date | None, zone: tzinfo | None
) -> datetime | None:
    """The time the page shows with its zone, else a machine-readable or shown time of day in
    the page's zone, else the day at midnight UTC."""
    if shown is not None and shown.clock and shown.zone:
        return _moment(shown, UTC)
    page_zone = (shown.zone if shown else None) or zone or UTC
    for when in (local, shown):
        if when is not None and when.clock:
            return _moment(when, page_zone)
    return _moment(Stated(day or (shown.day if shown else None), None, None), UTC)


def _moment(when: Stated, zone: tzinfo) -> datetime | None:
    """A stated time as an aware moment, in its own zone (else ``zone``)."""
    if when.day is None:
        return None
    return datetime.combine(when.day, when.clock or time(0), when.zone or zone)


# Machine-readable times


def _machine_values(tree: Element, meta: dict[str, str], ld: dict[str, Any]) -> Iterator[str]:
    """Where the page writes its publication time for machines, best first."""
    yield from (meta[name] for name in PUBLISHED_META if name in meta)
    yield from (text for text in (ld_text(ld.get("datePublished")),) if text)
    yield from (text for text in (ld_text(ld.get("dateCreated")),) if text)
    for path in ("//article//time[@datetime]", "//body//time[@datetime]"):
        yield from (attr(element, "datetime") for element in tree.xpath(path))
    for element in tree.xpath("//body//*[@content][@property or @itemprop]"):
        if attr(element, "property") in _RDFA_DATES or attr(element, "itemprop") in _RDFA_DATES:
            yield attr(element, "content")


def _machine_time(value: str | None, place: _Place | None = None) -> Stated | None:
    """A machine-readable time (ISO 8601, a date and time as pages write them, their zones as
    the page's ``place`` reads them, RFC 2822)."""
    value = (value or "").strip()
    if not value:
        return None
    moment = iso_moment(value)
    if moment is None:
        written = stated(value, *(place or _Place(None, None)))
        if written is not None:
            return written
        moment = mail_moment(value)
        if moment is None:
            return None
    has_clock = "T" in value or ":" in value
    return Stated(moment.date(), moment.timetz().replace(tzinfo=None) if has_clock else None,
                  moment.tzinfo)  # fmt: skip


# The time the page shows


def _shown_time(tree: Element, day: date | None, place: _Place) -> Stated | None:
    """The publication time the page shows beside the article (near ``day`` when the page gave
    one for machines), in the order its country writes numeric dates."""
    found = [
        when
        for text in map(_before_update, _date_texts(tree))
        for when in (first_stated(text, _order(text, place.country), *place),)
        if when and when.day
    ]
    near = [when for when in found if day is None or _near(when.day, day)]
    return next((when for when in near if when.clock), None) or next(iter(near), None)


def _order(text: str, country: str | None) -> str:
    """The order of a page's numeric dates: month first in the United States (as its country or
    a US zone in the text says), else day first."""
    american = country in MONTH_FIRST_COUNTRIES or _AMERICAN_ZONE.search(text)
    return "mdy" if american else "dmy"


def _date_texts(tree: Element) -> Iterator[str]:
    """The texts of the elements that show a date, the article's first, past navigation, asides,
    footers and updates."""
    body = tree.find("body")
    marked = [e for e in reading_order(body) if _shows_date(e)] if body is not None else []
    inside = [e for e in marked if any(up.tag in ARTICLE_TAGS for up in e.iterancestors())]
    for element in inside + [e for e in marked if e not in inside]:
        text = clean("".join(element.itertext()))
        if text and len(text) <= MAX_DATE_TEXT:
            yield text
    yield from _labelled_lines(body) if body is not None else ()


def _labelled_lines(body: Element) -> Iterator[str]:
    """Lines above the article that a page marks with nothing but a label ("Posted 14 June 2025,
    18:30 BST · by ..."), as old table layouts write them."""
    for element in reading_order(body):
        own = clean(element.text or "")
        if len(own) > MAX_DATE_TEXT:
            return  # the article has begun
        if _PUBLISHED_LABEL.match(own) or _DATE_AND_CLOCK.search(own):
            yield own


def _shows_date(element: Element) -> bool:
    """Whether an element shows a date, by its tag, class, id or itemprop."""
    if element.tag == "time":
        return True
    names = f"{attr(element, 'class')} {attr(element, 'id')} {attr(element, 'itemprop')}"
    words = {word.lower() for word in _CLASS_WORDS.findall(names)}
    joined = any(word.endswith(("time", "date")) and not word.startswith("up") for word in words)
    return bool(words & _DATE_WORDS or joined) and not words & _OTHER_DATE_WORDS


def _before_update(text: str) -> str:
    """A date line's text before an update's label ("Published 2 April · Updated 3 April")."""
    found = _UPDATE.search(text)
    return text[: found.start()] if found else text


def _near(one: date | None, other: date) -> bool:
    """Whether two days are at most NEAR_DAYS apart."""
    return one is not None and abs((one - other).days) <= NEAR_DAYS


def _locale(tree: Element, meta: dict[str, str]) -> str | None:
    """The page's locale: og:locale, else its language ("en-GB", "ja")."""
    html = tree if tree.tag == "html" else tree.getroottree().getroot()
    named = meta.get("og:locale") or attr(html, "lang") or meta.get("content-language")
    return named or _script_language(clean("".join(html.xpath("//title//text()"))))


def _script_language(title: str) -> str | None:
    """The language a title's script names (Japanese, Korean, Chinese), or None."""
    return next((language for language, script in _SCRIPTS if script.search(title)), None)
