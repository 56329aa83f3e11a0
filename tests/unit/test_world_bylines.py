"""Bylines as news sites in other languages print them, on small pages in their markup: a
Vietnamese paper's author signing off in the last paragraph (set right, or in bold), a Russian
portal's photo credit beside its author line, and the labels that open an author's line in
Arabic, Russian, Polish, Czech, Turkish and Indonesian (whose editors are never authors)."""

from __future__ import annotations

import pytest

from desktop.ingest.extract import Extracted, extract_article

URL = "https://tinnhanh.example/giao-thong/cau-cang-moi-thong-xe-4881234.html"

VIETNAMESE_STORY = [
    "Cây cầu mới nối hai bờ cảng cá đã chính thức thông xe sáng thứ hai, sau gần hai năm thi "
    "công và nhiều lần lùi tiến độ vì mưa bão.",
    "Theo ban quản lý dự án, cầu dài hơn 400 mét, có bốn làn xe và một làn riêng cho người đi "
    "bộ, giúp rút ngắn quãng đường qua cảng khoảng sáu cây số.",
    "Ngư dân trong vùng cho biết họ sẽ tiết kiệm được nhiều thời gian khi chở hải sản từ cảng "
    "ra chợ đầu mối vào mỗi sáng sớm.",
    "Chính quyền thành phố dự kiến lắp thêm hệ thống chiếu sáng và camera giám sát trên cầu "
    "trong vài tháng tới.",
]


def vietnamese_page(signature: str) -> str:
    """A story page of the Vietnamese paper: its fck_detail article, Normal paragraphs, and the
    author's ``signature`` paragraph after them."""
    paragraphs = "".join(f'<p class="Normal">{text}</p>' for text in VIETNAMESE_STORY)
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Cầu cảng mới thông xe - Tin Nhanh</title>
<meta property="og:site_name" content="Tin Nhanh"></head><body>
<header class="section page-header"><a href="/">Tin Nhanh</a></header>
<section class="section page-detail top-detail"><div class="container"><div class="sidebar-1">
<span class="date">Thứ hai, 9/6/2025, 14:30 (GMT+7)</span>
<h1 class="title-detail">Cầu cảng mới thông xe</h1>
<p class="description">Cây cầu dài hơn 400 mét giúp ngư dân rút ngắn đường ra chợ.</p>
<article class="fck_detail">{paragraphs}{signature}</article></div></div></section>
</body></html>"""


def blocks(found: Extracted) -> list[str]:
    """The blank-line-separated blocks of an article's text."""
    return found.text.split("\n\n")


@pytest.mark.parametrize(
    "signature",
    [
        '<p class="Normal" style="text-align:right;"><strong>Nguyễn Văn An</strong></p>',
        '<p style="text-align: right;">Nguyễn Văn An</p>',
        '<p class="Normal"><strong>Nguyễn Văn An</strong></p>',
    ],
)
def test_a_name_signing_off_the_last_paragraph_is_the_byline_not_text(signature: str) -> None:
    """The author's name alone in the last paragraph, set right or in bold, is the byline."""
    found = extract_article(vietnamese_page(signature), URL)
    assert found.byline == "Nguyễn Văn An"
    assert blocks(found) == VIETNAMESE_STORY


RUSSIAN_STORY = [
    "Городские власти в понедельник закрыли северный причал для автомобилей после того, как "
    "инженеры обнаружили, что две его деревянные сваи сгнили под водой.",
    "Рыбаки, которые разгружают улов на причале, говорят, что летом им будет негде "
    "швартоваться, потому что южную набережную занимают паромы и яхты.",
    "Мэрия обещает построить временный причал рядом со спасательной станцией в течение шести "
    "недель и опубликовать отчёт инженеров на своём сайте.",
]


def portal_page(photo_credit: str, author_line: str, lang: str = "ru") -> str:
    """A portal's story page: a lead picture described in microdata, whose credit is its
    "author", then the article's own author line and text."""
    paragraphs = "".join(f"<p>{text}</p>" for text in RUSSIAN_STORY)
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>Северный причал закрыт для машин</title></head><body>
<div class="layout"><div class="article" itemscope itemtype="https://schema.org/NewsArticle">
<h1 class="article__title" itemprop="headline">Северный причал закрыт для машин</h1>
<div class="article__announce-photo" itemprop="image" itemscope
itemtype="https://schema.org/ImageObject"><img src="https://cdn.portal.example/pier.jpg"
width="1200" height="675" alt="" itemprop="contentUrl"><div class="article__photo-info">
<span class="article__photo-author" itemprop="author">{photo_credit}</span></div></div>
<div class="article__info">{author_line}</div>
<div class="article__text" itemprop="articleBody">{paragraphs}</div></div></div>
</body></html>"""


@pytest.mark.parametrize(
    ("photo_credit", "author_line", "byline"),
    [
        ("Фото: Иван Петров", "Автор: Мария Смирнова", "Мария Смирнова"),
        ("РИА/Иван Петров", "Автор: Мария Смирнова", "Мария Смирнова"),
        ("AA/Ahmet Yılmaz", "Haber: Ayşe Demir", "Ayşe Demir"),
        ("Фото: Иван Петров", "", None),
    ],
)
def test_a_photo_credit_is_never_the_byline(
    photo_credit: str, author_line: str, byline: str | None
) -> None:
    """The picture's credit ("Фото: ...", "agency/NAME"), even marked as its author, is not the
    article's byline; the author line beside the text is, and without it there is none."""
    found = extract_article(portal_page(photo_credit, author_line), "https://portal.example/a/1")
    assert found.byline == byline


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("كتب: محمد علي", "محمد علي"),
        ("Автор: Мария Смирнова", "Мария Смирнова"),
        ("Autor: Jan Kowalski", "Jan Kowalski"),
        ("Autor: Petr Novák", "Petr Novák"),
        ("Haber: Ayşe Demir", "Ayşe Demir"),
        ("Penulis: Dewi Lestari", "Dewi Lestari"),
    ],
)
def test_an_author_line_opening_with_its_label_gives_the_name(line: str, byline: str) -> None:
    """An author's line above the text, its label in the page's language, gives the name."""
    found = extract_article(portal_page("", f"<span>{line}</span>"), "https://portal.example/a/2")
    assert found.byline == byline
    assert line not in found.text


def indonesian_page(closing: str) -> str:
    """An Indonesian portal's story whose text closes with its credits lines."""
    story = [
        "Banjir rob kembali merendam permukiman warga di pesisir utara kota pada Selasa pagi, "
        "setelah air laut pasang melewati tanggul darurat yang dibangun bulan lalu.",
        "Kepala dinas pekerjaan umum mengatakan perbaikan tanggul permanen akan dimulai bulan "
        "depan dan ditargetkan selesai sebelum puncak musim hujan tiba.",
        "Warga berharap pemerintah juga memperbaiki saluran air yang tersumbat, karena genangan "
        "sering bertahan hingga dua hari setelah air laut surut.",
    ]
    paragraphs = "".join(f"<p>{text}</p>" for text in story)
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Banjir rob kembali rendam pesisir utara</title></head><body>
<div class="detail"><h1 class="detail__title">Banjir rob kembali rendam pesisir utara</h1>
<div class="detail__body-text itp_bodycontent">{paragraphs}{closing}</div></div>
</body></html>"""


def test_reporter_and_editor_lines_closing_the_text_give_the_reporter_only() -> None:
    """The "Reporter:" and "Editor:" lines after the text: the reporter is the byline, the editor
    never is, and neither line is text."""
    closing = "<p>Reporter: Budi Santoso</p><p>Editor: Rina Wijaya</p>"
    found = extract_article(indonesian_page(closing), "https://www.kabar.example/read/1")
    assert found.byline == "Budi Santoso"
    assert "Budi Santoso" not in found.text
    assert "Rina Wijaya" not in found.text


def test_an_editor_alone_is_no_author() -> None:
    """A page that names only its editor has no byline."""
    page = indonesian_page("<p>Editor: Rina Wijaya</p>").replace(
        "</title>", '</title><meta name="author" content="Rina Wijaya">'
    )
    found = extract_article(page, "https://www.kabar.example/read/2")
    assert found.byline is None
