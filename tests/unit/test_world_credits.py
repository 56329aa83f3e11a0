"""Photo credits as sites in other languages label them, and a Czech portal's lead picture whose
caption and credit sit in a box beside it rather than below it, on small pages in their markup."""

from __future__ import annotations

import pytest

from desktop.ingest.creditforms import split_credit
from desktop.ingest.extract import extract_article

STORY = [
    "Pražský dopravní podnik v pondělí oznámil, že tramvajová trať na Smíchově bude od července "
    "na šest týdnů uzavřena kvůli výměně kolejí a trolejového vedení.",
    "Náhradní autobusová doprava bude jezdit v intervalu pěti minut a zastaví u všech zastávek, "
    "které tramvaje během uzavírky vynechají, uvedl mluvčí podniku.",
    "Opravy mají stát přibližně sto dvacet milionů korun a dopravní podnik je chce dokončit ještě "
    "před začátkem nového školního roku v září.",
    "Obyvatelé Smíchova si dlouhodobě stěžují na hluk z opotřebovaných kolejí, který je podle "
    "nich slyšet i v noci při průjezdu prvních ranních spojů.",
]
PICTURE = "https://img.zpravy.example/2025/06/tram-smichov-1200.jpg"
URL = "https://zpravy.example/domaci/trat-na-smichove-se-uzavre.A250609_1"


def portal_page(opener: str, lang: str = "cs") -> str:
    """A portal's story page: the headline, the lead picture's ``opener``, then the text."""
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>Trať na Smíchově se na šest týdnů uzavře</title>
<meta property="og:image" content="{PICTURE}"></head><body>
<div id="space-a"><div class="art-full"><h1 itemprop="name headline">Trať na Smíchově se na šest
týdnů uzavře</h1>{opener}<div class="bbtext">{paragraphs}</div></div></div></body></html>"""


def figure(caption: str) -> str:
    """A lead figure whose caption holds ``caption``."""
    return f'<figure><img src="{PICTURE}" alt=""><figcaption>{caption}</figcaption></figure>'


@pytest.mark.parametrize(
    ("written", "credit"),
    [
        ("Tramvaj na Smíchově. Фото: Иван Петров", "Иван Петров"),
        ("Tramvaj na Smíchově. Fot. Jan Kowalski/PAP", "Jan Kowalski/PAP"),
        ("Tramvaj na Smíchově. Zdroj: ČTK", "ČTK"),
        ("Tramvaj na Smíchově. Kaynak: AA", "AA"),
        ("Tramvaj na Smíchově. تصوير: محمد علي", "محمد علي"),
        ("Tramvaj na Smíchově. צילום: יוסי כהן", "יוסי כהן"),
        ("Tramvaj na Smíchově. Ảnh: Nguyễn Văn An", "Nguyễn Văn An"),
        ("Tramvaj na Smíchově | Photo Credit: Jana Dvořáková", "Jana Dvořáková"),
        ("Tramvaj na Smíchově. Courtesy: Dopravní podnik", "Dopravní podnik"),
        ("Tramvaj na Smíchově. Courtesy of Dopravní podnik", "Courtesy of Dopravní podnik"),
    ],
)
def test_credit_labels_in_other_languages_split_the_credit_off(written: str, credit: str) -> None:
    """A credit after its label in the caption's language is split off the caption and given
    without a label that only says "photo", "credit" or "source"."""
    found = extract_article(portal_page(figure(written)), URL)
    assert found.credit == credit
    assert (found.caption or "").rstrip(".") == "Tramvaj na Smíchově"


CAPTION = "Tramvaj linky 9 projíždí Smíchovem. Trať se uzavře v červenci."


def test_a_caption_box_beside_the_picture_gives_caption_and_credit() -> None:
    """The portal's opener: the picture in one box, the caption and an unnamed credit line in
    the box beside it."""
    opener = (
        f'<div class="opener"><div class="opener-foto"><a href="/foto/tram-1"><img src="{PICTURE}"'
        ' width="1200" height="675" alt=""></a></div><div class="opener-text"><p '
        f'class="opener-caption">{CAPTION}</p><p class="opener-source">Foto: Jan Novák, MAFRA</p>'
        "</div></div>"
    )
    found = extract_article(portal_page(opener), URL)
    assert (found.image_url, found.caption, found.credit) == (
        PICTURE,
        CAPTION,
        "Foto: Jan Novák, MAFRA",
    )
    assert found.text.split("\n\n") == STORY


def test_a_caption_box_laid_out_before_the_picture_is_its_caption() -> None:
    """The caption's box first and the picture's box after it, side by side in one box."""
    opener = (
        f'<div class="opener"><div class="opener-text"><p>{CAPTION}</p><p>Zdroj: ČTK</p></div>'
        f'<div class="opener-foto"><img src="{PICTURE}" width="1200" height="675" alt=""></div>'
        "</div>"
    )
    found = extract_article(portal_page(opener), URL)
    assert (found.caption, found.credit) == (CAPTION, "ČTK")
    assert found.text.split("\n\n") == STORY


def test_a_standfirst_before_the_picture_is_no_caption() -> None:
    """Text before the picture that no credit closes (a standfirst) is not its caption."""
    opener = (
        '<div class="opener"><div class="opener-perex"><p>Dopravní podnik vymění koleje i '
        f'trolejové vedení.</p></div><div class="opener-foto"><img src="{PICTURE}" width="1200"'
        ' height="675" alt=""></div></div>'
    )
    found = extract_article(portal_page(opener), URL)
    assert (found.caption, found.credit) == (None, None)


@pytest.mark.parametrize(
    ("written", "credit"),
    [
        ("Tramvaj na Smíchově. Crédito: Ana Ruiz", "Ana Ruiz"),
        ("Tramvaj na Smíchově. Illustration: Jane Doe", "Jane Doe"),
        ("Tramvaj na Smíchově - Gambar Ahmad Zaki/Bernama", "Ahmad Zaki/Bernama"),
        ("Tramvaj na Smíchově. Imagen: Ana Ruiz", "Ana Ruiz"),
        ("Tramvaj na Smíchově. Ilustração: Ana Ruiz", "Ana Ruiz"),
        ("Tramvaj na Smíchově. Crédit photo : Jean Roe", "Jean Roe"),
        ("Tramvaj na Smíchově. Illustrazione: Luca Bianchi", "Luca Bianchi"),
        ("Tramvaj na Smíchově. Abbildung: Jan Müller", "Jan Müller"),
        ("Tramvaj na Smíchově. Beeld | Jan de Vries", "Jan de Vries"),
        ("Tramvaj na Smíchově. Billede: Lars Hansen", "Lars Hansen"),
        ("Tramvaj na Smíchově. Sumber: Antara", "Antara"),
        ("Tramvaj na Smíchově. Larawan: Juan Cruz", "Juan Cruz"),
        ("Tramvaj na Smíchově. Sursa: Agerpres", "Agerpres"),
        ("Tramvaj na Smíchově. Fotó: Kiss Anna", "Kiss Anna"),
        ("Tramvaj na Smíchově. Izvor: HINA", "HINA"),
        ("Tramvaj na Smíchově. Джерело: Укрінформ", "Укрінформ"),
        ("Tramvaj na Smíchově. Foto: Ana Ruiz © Ayuntamiento de Sevilla", "Foto: Ana Ruiz"),
        (
            "Tramvaj na Smíchově. Jane Doe/Reuters/File Photo Purchase Licensing Rights",
            "Jane Doe/Reuters",
        ),
        ("Tramvaj na Smíchově. Archivo | EFE", "EFE"),
        ("Tramvaj na Smíchově —JUAN DELA CRUZ", "JUAN DELA CRUZ"),
    ],
)
def test_labels_and_rights_tails_leave_the_name_alone(written: str, credit: str) -> None:
    """A credit's label in many languages ("Crédito:", "Gambar", "Kép:"), a rights or licensing
    tail after the name, an archive marker before the agency and the em dash before a name in
    capitals are no part of the credit, nor of the caption ("Foto:" is kept as written)."""
    found = extract_article(portal_page(figure(written)), URL)
    assert found.credit == credit
    assert (found.caption or "").rstrip(".") == "Tramvaj na Smíchově"


@pytest.mark.parametrize(
    "caption",
    ["The source: a leaked memo seen by reporters", "Imagine: a city without cars on Sunday"],
)
def test_a_label_word_inside_the_captions_sentence_starts_no_credit(caption: str) -> None:
    """A word that labels credits in some language ("source", "fonte") inside the caption's
    own sentence splits nothing off."""
    assert split_credit(caption) == (caption, None)
