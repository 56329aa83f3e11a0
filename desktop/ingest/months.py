"""Month names as news pages write them, in the languages of the pages read, and the number of
the month a written name gives (in any case, with or without its accents: "EKİM", "cervna")."""

from __future__ import annotations

import unicodedata

# Month names and their usual abbreviations in English, French, German, Spanish, Italian,
# Portuguese and Dutch, then in Russian, Polish and Czech (nominative and genitive: "5 июня",
# "9 czerwca", "9. června"), Turkish, Indonesian and Arabic (the Egyptian and the Levantine
# names), lower-case (no two languages use one name for different months).
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "janvier", "janv", "januar", "jänner", "jän", "enero", "ene",
             "gennaio", "gen", "janeiro", "januari", "январь", "января", "янв", "styczeń",
             "stycznia", "sty", "leden", "ledna", "ocak", "oca", "يناير", "كانون الثاني"),
            ("february", "feb", "février", "fevrier", "févr", "fevr", "fév", "fev", "februar",
             "febrero", "febbraio", "fevereiro", "februari", "февраль", "февраля",
             "luty", "lutego", "lut", "únor", "února", "şubat", "şub", "فبراير", "شباط"),
            ("march", "mar", "mars", "märz", "maerz", "mär", "mrz", "marzo", "março", "marco",
             "maart", "mrt", "март", "марта", "marzec", "marca", "březen", "března", "mart",
             "maret", "مارس", "آذار"),
            ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "апрель", "апреля",
             "kwiecień", "kwietnia", "kwi", "duben", "dubna", "nisan", "nis", "أبريل", "إبريل",
             "نيسان"),
            ("may", "mai", "mayo", "maggio", "mag", "maio", "mei", "май", "мая", "maj", "maja",
             "květen", "května", "mayıs", "مايو", "أيار"),
            ("june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho", "июнь", "июня",
             "czerwiec", "czerwca", "cze", "červen", "června", "haziran", "haz", "يونيو",
             "يونية", "حزيران"),
            ("july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "июль",
             "июля", "lipiec", "lipca", "lip", "červenec", "července", "temmuz", "tem",
             "يوليو", "يولية", "تموز"),
            ("august", "aug", "août", "aout", "agosto", "ago", "augustus", "август", "августа",
             "sierpień", "sierpnia", "sie", "srpen", "srpna", "ağustos", "ağu", "agustus",
             "agu", "agt", "أغسطس", "آب"),
            ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre",
             "set", "setembro", "сентябрь", "сентября", "сен", "сент", "wrzesień", "września",
             "wrz", "září", "eylül", "eyl", "سبتمبر", "أيلول"),
            ("october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott",
             "outubro", "out", "октябрь", "октября", "październik", "października", "paź",
             "říjen", "října", "ekim", "eki", "أكتوبر", "تشرين الأول"),
            ("november", "nov", "novembre", "noviembre", "novembro", "ноябрь", "ноября", "ноя",
             "listopad", "listopada", "lis", "listopadu", "kasım", "kas", "نوفمبر",
             "تشرين الثاني"),
            ("december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre",
             "dic", "dicembre", "dezembro", "декабрь", "декабря", "дек", "grudzień", "grudnia",
             "gru", "prosinec", "prosince", "aralık", "ara", "desember", "des", "ديسمبر",
             "كانون الأول"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip

_MARKS = frozenset({"Mn", "Me"})


def month_number(name: str) -> int | None:
    """The number of the month a written name gives, in any case and with or without its
    accents and the Arabic hamza; None for a word that names no month."""
    return _FOLDED.get(_folded(name))


def _folded(name: str) -> str:
    """A name lower-cased, without combining marks, the Turkish dotless i as i and its words
    spaced once."""
    decomposed = unicodedata.normalize("NFKD", name.lower().replace("ı", "i"))
    kept = "".join(c for c in decomposed if unicodedata.category(c) not in _MARKS)
    return " ".join(kept.split())


_FOLDED = {_folded(name): number for name, number in MONTHS.items()}
