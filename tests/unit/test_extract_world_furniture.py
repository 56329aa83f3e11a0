"""Page furniture written in the body in many languages, on small pages in the markup of the
sites that write it so: an Indonesian portal's "Baca juga" links between paragraphs and its
closing prompt to follow a WhatsApp channel, the "read also" lines of other languages, a radio
programme's transcript notes and a press release's notes to editors."""

from __future__ import annotations

import pytest

from desktop.ingest.extract import Extracted, extract_article

URL = "https://regional.beritakota.example/read/2025/06/10/09151231/banjir-rob-di-pesisir"

# An invented story in Indonesian.
INDONESIAN_STORY = [
    "Banjir rob kembali merendam permukiman warga di pesisir utara kota pada Selasa pagi, "
    "setelah air laut pasang melewati tanggul darurat yang dibangun bulan lalu.",
    "Ketinggian air di beberapa gang mencapai lutut orang dewasa, sehingga sebagian warga "
    "memilih mengungsi sementara ke rumah kerabat di daerah yang lebih tinggi.",
    "Kepala dinas pekerjaan umum mengatakan perbaikan tanggul permanen akan dimulai bulan "
    "depan dan ditargetkan selesai sebelum puncak musim hujan tiba.",
    "Warga berharap pemerintah juga memperbaiki saluran air yang tersumbat, karena genangan "
    "sering bertahan hingga dua hari setelah air laut surut.",
]


def portal_page(paragraphs: str) -> str:
    """A story page of the portal: its read__content body, as its template writes it."""
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Banjir rob kembali rendam pesisir utara - Berita Kota</title>
<meta property="og:title" content="Banjir rob kembali rendam pesisir utara"></head><body>
<div class="header"><a href="/">Berita Kota</a></div>
<div class="container"><div class="read__header"><h1 class="read__title">Banjir rob kembali
rendam pesisir utara</h1></div>
<div class="read__content"><div class="clearfix">{paragraphs}</div></div></div>
</body></html>"""


def read_also(label: str, n: int) -> str:
    """A "read also" paragraph as the portal writes one: a label and a link, in bold."""
    return (
        f'<p><strong>{label} <a href="/read/2025/06/0{n}/banjir-{n}" class="inner-link-baca-juga">'
        f"Tanggul darurat di pesisir utara jebol untuk kedua kalinya {n}</a></strong></p>"
    )


def blocks(found: Extracted) -> list[str]:
    """The blank-line-separated blocks of an article's text."""
    return found.text.split("\n\n")


def test_read_also_links_and_a_channel_prompt_are_not_body() -> None:
    """The "Baca juga:" links between paragraphs and the closing prompt to follow the site on a
    WhatsApp channel (with its address) go; the story stays whole."""
    story = INDONESIAN_STORY
    markup = (
        f"<p>{story[0]}</p>{read_also('Baca juga:', 1)}<p>{story[1]}</p><p>{story[2]}</p>"
        f"{read_also('Baca juga:', 2)}<p>{story[3]}</p>"
        "<p>Ikuti berita pilihan kami langsung dari ponselmu. Pilih saluran WhatsApp Berita "
        'Kota: <a href="https://www.whatsapp.com/channel/0029VaExample">'
        "https://www.whatsapp.com/channel/0029VaExample</a>. Pastikan aplikasinya sudah "
        "terpasang.</p>"
    )
    found = extract_article(portal_page(markup), URL)
    assert blocks(found) == story


@pytest.mark.parametrize(
    "label",
    [
        "Baca juga:",
        "BACA JUGA:",
        "Ayrıca okuyun:",
        "Leia também:",
        "Czytaj także:",
        "Čtěte také:",
        "Читайте также:",
        "Xem thêm:",
        "اقرأ أيضا:",
        "קראו גם:",
        "» Baca juga",
    ],
)
def test_read_also_lines_in_other_languages_are_not_body(label: str) -> None:
    """A "read also" line in the middle of the text goes, in each language that writes one."""
    story = INDONESIAN_STORY
    markup = f"<p>{story[0]}</p><p>{story[1]}</p>{read_also(label, 3)}<p>{story[2]}</p>"
    found = extract_article(portal_page(markup + f"<p>{story[3]}</p>"), URL)
    assert blocks(found) == story


@pytest.mark.parametrize(
    "prompt",
    [
        "Follow our WhatsApp channel for the latest news from the coast.",
        "Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать новости.",
        "Siga o nosso canal no WhatsApp e receba as notícias do dia.",
        'Dołącz do nas: <a href="https://t.me/gazetakoszalin">kanał na Telegramie</a>',
    ],
)
def test_a_closing_prompt_to_follow_a_messaging_channel_is_not_body(prompt: str) -> None:
    """The last line asking to follow the site on a messaging channel goes, in any language."""
    markup = "".join(f"<p>{text}</p>" for text in INDONESIAN_STORY) + f"<p>{prompt}</p>"
    found = extract_article(portal_page(markup), URL)
    assert blocks(found) == INDONESIAN_STORY


RADIO_STORY = [
    "AMY ROSS: We begin today on the coast, where a tidal flood has again covered the streets of "
    "the fishing district, for the second time this month.",
    "JAMAL OKAFOR: The water came in just after dawn. People were moving furniture upstairs, and "
    "the school closed before the first bell.",
    "AMY ROSS: The city says a permanent sea wall will be started next month. Residents say they "
    "have heard that promise before and want the drains fixed first.",
]


def test_a_radio_transcripts_notes_are_not_body() -> None:
    """A programme's transcript page: the "rush transcript" note above it and the copyright
    note on how transcripts are made below it go."""
    markup = (
        "<p><em>This is a rush transcript. Copy may not be in its final form.</em></p>"
        + "".join(f"<p>{text}</p>" for text in RADIO_STORY)
        + "<p>Copyright © 2025 Coastal Public Radio. All rights reserved. Visit our website for "
        "terms of use. Coastal Public Radio transcripts are created on a rush deadline by a "
        "contractor, and this text may not be in its final form and may be updated or revised "
        "in the future. The authoritative record of our programming is the audio record.</p>"
    )
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Tidal flood returns | Coastal Public Radio</title></head><body>
<main><article class="transcript storytext"><h1>Tidal flood returns to the fishing district</h1>
{markup}</article></main></body></html>"""
    found = extract_article(page, "https://www.coastalradio.example/2025/06/10/tidal-flood")
    assert blocks(found) == RADIO_STORY


def test_a_press_releases_notes_to_editors_are_not_body() -> None:
    """Everything from a press release's "Notes to editors" on is for journalists, not text."""
    release = [
        "The harbour authority today announced a new ferry link between the north pier and the "
        "island, to run four times a day from the first of July.",
        "The service will use a hybrid vessel built at the local yard, cutting the crossing's "
        "emissions by about a third compared with the old diesel ferry.",
        "Tickets go on sale next week, with discounts for island residents and students, and a "
        "timetable is available from the authority's offices.",
        "The authority expects about 120,000 passengers in the first year of the service.",
    ]
    notes = [
        "Notes to editors",
        "The harbour authority manages the port's piers, moorings and ferry services.",
        "High-resolution pictures of the vessel are available on request.",
    ]
    markup = "".join(f"<p>{text}</p>" for text in release + notes)
    page = f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>New ferry link to the island</title></head><body><main><article class="press-release">
<h1>New ferry link to the island</h1><div class="release-body">{markup}</div></article></main>
</body></html>"""
    found = extract_article(page, "https://www.harbourauthority.example/news/new-ferry-link")
    assert blocks(found) == release
