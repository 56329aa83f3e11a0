"""Captions and credits written together after a local label or separator, credits given with
a label, a rights notice or a slide counter, a credit written only in the picture's alternative
text or in the paragraph after its caption, on a small regional page in its markup."""

from __future__ import annotations

import pytest

from desktop.ingest.extract import extract_article

STORY = [
    "The harbour board voted on Monday to extend the ferry pier by forty metres, so that the "
    "larger boats ordered last year can berth there at low tide.",
    "Work is due to start in September and take about eight months, during which the ferry will "
    "use the old fish quay on the other side of the harbour.",
    "The board said the extension would cost about six million, most of it paid by the regional "
    "transport fund, and that fares would not rise because of it.",
]
PICTURE = "https://img.harbourpost.example/2025/03/ferry-pier-1200.jpg"
URL = "https://harbourpost.example/news/2025/03/04/ferry-pier-extension"


def page(opener: str, after: str = "", lang: str = "en") -> str:
    """A story page: the headline, the lead picture's ``opener``, ``after`` it, then the text."""
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>Ferry pier to be extended</title><meta property="og:image" content="{PICTURE}"></head>
<body><article><h1>Ferry pier to be extended</h1><div class="story-body">{opener}{after}
{paragraphs}</div></article></body></html>"""


def figure(caption: str, alt: str = "") -> str:
    """A lead figure whose caption holds ``caption``."""
    return f'<figure><img src="{PICTURE}" alt="{alt}"><figcaption>{caption}</figcaption></figure>'


@pytest.mark.parametrize(
    ("written", "caption", "credit"),
    [
        ("The pier at low tide. Kuva: Matti Virtanen", "The pier at low tide.", "Matti Virtanen"),
        ("The pier at low tide. ΦΩΤΟ: ΓΙΩΡΓΟΣ ΠΑΠΑΣ", "The pier at low tide.", "ΓΙΩΡΓΟΣ ΠΑΠΑΣ"),
        ("The pier at low tide | REUTERS / JANE DOE", "The pier at low tide", "REUTERS / JANE DOE"),
        ("항만 부두의 모습. 해양수산부 제공", "항만 부두의 모습.", "해양수산부 제공"),
        ("항만 부두의 모습. [사진 해양수산부 제공]", "항만 부두의 모습.", "해양수산부 제공"),
        ("항만 부두의 모습 /연합뉴스", "항만 부두의 모습", "연합뉴스"),
        ("The pier at low tide. Φωτ.: Γιώργος Παπάς", "The pier at low tide.", "Γιώργος Παπάς"),
        ("新しい桟橋の完成予想図＝北浜港湾局提供", "新しい桟橋の完成予想図", "北浜港湾局提供"),
        ("The pier at low tide. Quelle: Jana Dorn/dpa", "The pier at low tide.", "Jana Dorn/dpa"),
        ("The pier at low tide. Photo / Jane Doe", "The pier at low tide.", "Jane Doe"),
        (
            "The pier at low tide. Copyright 2025 Harbour Post. All rights reserved. / Jane Doe",
            "The pier at low tide.",
            "Jane Doe",
        ),
        ("2 / 5 The pier at low tide.", "The pier at low tide.", None),
        ("The pier at low tide. Bild: Quelle: dpa", "The pier at low tide.", "dpa"),
        ("Il molo con la bassa marea (Foto Ansa)", "Il molo con la bassa marea", "Ansa"),
        ("Il molo con la bassa marea (FOTO LAPRESSE)", "Il molo con la bassa marea", "LAPRESSE"),
    ],
)
def test_a_credit_after_a_local_label_or_separator_is_split_off(
    written: str, caption: str, credit: str | None
) -> None:
    """A credit written after a local label, a pipe or a Korean or Japanese "provided by" is
    split off the caption and given without a label, a rights notice or a slide counter."""
    found = extract_article(page(figure(written)), URL)
    assert (found.caption, found.credit) == (caption, credit)
    assert found.text.split("\n\n") == STORY


def test_a_credit_written_only_in_the_alternative_text_is_the_credit() -> None:
    """When neither the caption nor any element gives a credit, the picture's alternative text
    that is one gives it."""
    found = extract_article(page(figure("The pier at low tide.", "Photo: Jane Doe")), URL)
    assert (found.caption, found.credit) == ("The pier at low tide.", "Photo: Jane Doe")


def test_alternative_text_that_is_no_credit_gives_none() -> None:
    """Alternative text describing the picture is no credit."""
    found = extract_article(page(figure("The pier at low tide.", "A pier at low tide")), URL)
    assert found.credit is None


def test_a_credit_in_the_paragraph_after_the_caption_is_the_credit_and_no_body() -> None:
    """A Chinese page's centred picture, its caption and "图片来源：..." in the next paragraph."""
    opener = (
        f'<p style="text-align: center"><img src="{PICTURE}"></p>'
        '<p style="text-align: center">3月3日，渡轮停靠在码头。</p>'
    )
    found = extract_article(page(opener, "<p>图片来源：港口日报 张伟</p>", "zh-CN"), URL)
    assert (found.caption, found.credit) == ("3月3日，渡轮停靠在码头。", "港口日报 张伟")
    assert found.text.split("\n\n") == STORY


def test_a_caption_named_in_spanish_is_the_caption() -> None:
    """A paragraph classed "pie" (the Spanish "pie de foto") after the picture is its caption."""
    opener = f'<div class="foto"><img src="{PICTURE}" alt=""><p class="pie">El muelle.</p></div>'
    found = extract_article(page(opener, lang="es"), URL)
    assert found.caption == "El muelle."
    assert found.text.split("\n\n") == STORY


@pytest.mark.parametrize(
    ("written", "credit"),
    [
        ("Foto von Jana Dorn auf Unsplash", "Jana Dorn auf Unsplash"),
        ("Foto di Mario Rossi su Unsplash", "Mario Rossi su Unsplash"),
        ("Photo de Jean Roe sur Unsplash", "Jean Roe sur Unsplash"),
    ],
)
def test_a_caption_that_is_only_a_localised_photo_by_line_is_the_credit(
    written: str, credit: str
) -> None:
    """ "Photo by X on Unsplash" in the page's language is the credit, less "Photo by"."""
    found = extract_article(page(figure(written)), URL)
    assert (found.caption, found.credit) == (None, credit)


@pytest.mark.parametrize(
    "picture",
    [
        f'<div class="hero__image" style="background-image: url(\'{PICTURE}\')"></div>',
        f'<div class="hero__media lazy" data-bg="{PICTURE}"></div>',
    ],
)
def test_a_hero_shown_as_a_background_has_its_figures_caption(picture: str) -> None:
    """A hero photo shown as an element's background (by its style or a lazy loader's data
    attribute) has the caption and credit of its figure."""
    hero = (
        f'<figure class="hero">{picture}<figcaption><span>The pier at low tide.</span> '
        "<span>Photo by Jane Doe for The Harbour Post</span></figcaption></figure>"
    )
    found = extract_article(page(hero), URL)
    assert (found.caption, found.credit) == (
        "The pier at low tide.",
        "Jane Doe for The Harbour Post",
    )
    assert found.text.split("\n\n") == STORY


@pytest.mark.parametrize(
    "after",
    [
        '<div class="photo-text">The pier at low tide (foto Ansa)</div>',
        "<div>The pier at low tide (foto Ansa)</div>",
    ],
)
def test_the_caption_just_after_a_figure_without_one_is_its_caption(after: str) -> None:
    """A figure holding only the picture, its caption in the element after it (named as one,
    or closed by a credit), gives that caption; it is no part of the text."""
    opener = f'<figure class="lead"><img src="{PICTURE}" alt=""></figure>{after}'
    found = extract_article(page(opener), URL)
    assert (found.caption, found.credit) == ("The pier at low tide", "Ansa")
    assert found.text.split("\n\n") == STORY


def test_a_line_after_a_figure_without_a_caption_that_closes_with_no_credit_is_text() -> None:
    """A short paragraph after a bare figure that no credit closes is the article's text."""
    opener = f'<figure class="lead"><img src="{PICTURE}" alt=""></figure><p>It is low tide.</p>'
    found = extract_article(page(opener), URL)
    assert found.caption is None
    assert found.text.split("\n\n") == ["It is low tide.", *STORY]


def test_a_hero_figcaption_past_the_headline_laid_over_the_picture_is_its_caption() -> None:
    """A hero box holding the picture, the headline laid over it, then a figcaption of two
    spans (the caption, then "Photo by ... for ..."), gives that caption and credit."""
    hero = (
        f'<div class="hero"><div class="hero__media"><img src="{PICTURE}" alt=""></div>'
        '<div class="hero__content"><h2>Ferry pier to grow</h2></div><figcaption>'
        "<span>The pier at low tide.</span><span>Photo by Jane Doe for The Harbour Post</span>"
        "</figcaption></div>"
    )
    found = extract_article(page(hero), URL)
    assert (found.caption, found.credit) == (
        "The pier at low tide.",
        "Jane Doe for The Harbour Post",
    )
