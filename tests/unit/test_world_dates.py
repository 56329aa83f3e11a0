"""Publication times as pages in other languages show them, on small pages in their markup: a
Russian portal's "14:30, 5 июня 2025", an Egyptian paper's Arabic month names and Arabic-Indic
digits, a Vietnamese paper's "Thứ Hai, 9/6/2025, 14:30 (GMT+7)", Polish, Czech, Turkish and
Indonesian month names; and a zone abbreviation that contradicts the season, read by the
daylight saving of the page's country ("CET" on a Prague page in June is +02:00)."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.ingest.extract import extract_article

URL = "https://www.zpravy.example/domaci/trat-1"
PROSE = (
    "Městská rada v pondělí rozhodla, že severní molo bude od června uzavřeno pro auta, protože "
    "inženýři zjistili, že dva jeho dřevěné piloty pod hladinou shnily."
)


def page(date_line: str, lang: str, head: str = "") -> str:
    """A small article page: its language, head tags and a date line above the text."""
    body = "".join(f"<p>{PROSE} ({n})</p>" for n in range(4))
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>Molo se uzavře</title>{head}</head><body><div class="article">
<h1 class="article__title">Molo se uzavře</h1><div class="article__info">{date_line}</div>
<div class="article__text">{body}</div></div></body></html>"""


def published(date_line: str, lang: str, head: str = "") -> datetime | None:
    """The publication time extraction reports for a page."""
    return extract_article(page(date_line, lang, head), URL).published


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        ('<span class="date">Thứ Hai, 9/6/2025, 14:30 (GMT+7)</span>', "vi",
         "2025-06-09T14:30:00+07:00"),
        ('<span class="date">الخميس، ٠٥ يونيو ٢٠٢٥ ٠٢:٣٠ م</span>', "ar-EG",
         "2025-06-05T14:30:00+03:00"),
        ('<span class="date">9 czerwca 2025, 14:30</span>', "pl", "2025-06-09T14:30:00+02:00"),
        ('<span class="date">9. června 2025 v 14:30</span>', "cs", "2025-06-09T14:30:00+02:00"),
        ('<span class="date">09 Haziran 2025 14:30</span>', "tr", "2025-06-09T14:30:00+03:00"),
        ('<div class="date">Senin, 09 Jun 2025 14:30 WIB</div>', "id",
         "2025-06-09T14:30:00+07:00"),
        ('<div class="date">9 Juni 2025, pukul 14.30 WIB</div>', "id",
         "2025-06-09T14:30:00+07:00"),
        ('<div class="article__info-date">14:30, 5 июня 2025 МСК</div>', "ru",
         "2025-06-05T14:30:00+03:00"),
    ],
)  # fmt: skip
def test_times_shown_with_month_names_and_forms_of_other_languages(
    line: str, lang: str, expected: str
) -> None:
    """The date line's day, month name (or number), time and zone are all read."""
    assert published(line, lang) == datetime.fromisoformat(expected)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ('<div class="article__info-date">14:30, 5 июня 2025</div>', "2025-06-05T14:30"),
        ('<div class="article__info-date">14:30, 5 ИЮНЯ 2025</div>', "2025-06-05T14:30"),
        ('<span class="date">٥ حزيران ٢٠٢٥ - ١٤:٣٠</span>', "2025-06-05T14:30"),
        ('<span class="date">5 كانون الثاني 2025، 09:15</span>', "2025-01-05T09:15"),
        ('<span class="tarih">5 EKİM 2025 14:30</span>', "2025-10-05T14:30"),
    ],
)
def test_day_and_time_are_read_whatever_the_case_digits_or_month_words(line: str, day: str) -> None:
    """Genitive month names in capitals, Levantine Arabic names of two words, Arabic-Indic
    digits: the day and time of day are read as the page shows them."""
    when = published(line, "ru")
    assert when is not None
    assert when.replace(tzinfo=None) == datetime.fromisoformat(day)


PRAGUE = '<meta property="og:locale" content="cs_CZ">'


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2025-06-09 14:30:00 CET", "2025-06-09T14:30:00+02:00"),
        ("2025-01-09 14:30:00 CET", "2025-01-09T14:30:00+01:00"),
        ("2025-06-09 14:30:00 CEST", "2025-06-09T14:30:00+02:00"),
        ("2025-06-09 14:30:00 GMT", "2025-06-09T14:30:00+00:00"),
    ],
)
def test_a_zone_against_the_season_in_the_pages_data_is_read_by_its_countrys_rules(
    written: str, expected: str
) -> None:
    """ "CET" written in a Prague page's data in June means the local summer time; a zone that
    is not the country's clock ("GMT") is read as it is."""
    head = f'{PRAGUE}<meta name="publish-date" content="{written}">'
    assert published("", "cs", head) == datetime.fromisoformat(expected)


def test_a_zone_against_the_season_is_read_literally_on_a_page_of_no_known_place() -> None:
    """Without a country or language that says which clock the page keeps, "CET" is +01:00."""
    head = '<meta name="publish-date" content="2025-06-09 14:30:00 CET">'
    assert published("", "", head) == datetime.fromisoformat("2025-06-09T14:30:00+01:00")


@pytest.mark.parametrize(
    ("locale", "shown", "expected"),
    [
        ("en_GB", "9 June 2025, 14:30 GMT", "2025-06-09T14:30:00+01:00"),
        ("en_US", "June 9, 2025, 2:30 p.m. EST", "2025-06-09T14:30:00-04:00"),
        ("de_DE", "9. Juni 2025, 14:30 MEZ", "2025-06-09T14:30:00+02:00"),
    ],
)
def test_a_shown_zone_against_the_season_follows_the_countrys_daylight_saving(
    locale: str, shown: str, expected: str
) -> None:
    """A shown time whose zone names the country's clock in the other season."""
    head = f'<meta property="og:locale" content="{locale}">'
    line = f'<span class="date">{shown}</span>'
    assert published(line, locale[:2], head) == datetime.fromisoformat(expected)
