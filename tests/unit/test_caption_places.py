"""Captions shown right under the lead photo in markup that never says "caption", as blog
engines, site builders and Dutch, German, Japanese, Korean, Chinese and Taiwanese publishers
write them; and credits in those languages' forms."""

from __future__ import annotations

import pytest

from desktop.ingest.creditforms import split_credit
from desktop.ingest.extract import Extracted, extract_article

PROSE = {
    "en": (
        "The harbour trust said on Monday that the old pilot station would open to visitors in"
        " June, after two years of repairs to its roof, its windows and the slipway beneath it."
    ),
    "nl": (
        "Het havenbedrijf maakte maandag bekend dat het oude loodsstation in juni opengaat voor"
        " bezoekers, na twee jaar herstelwerk aan het dak, de ramen en de helling eronder."
    ),
    "de": (
        "Die Hafenverwaltung teilte am Montag mit, dass die alte Lotsenstation im Juni für"
        " Besucher öffnet, nach zwei Jahren Arbeit am Dach, an den Fenstern und an der Rampe."
    ),
    "ja": (
        "港湾局は十一日、旧水先案内所を六月から一般公開すると発表した。屋根や窓、斜路の修理に"
        "二年をかけ、館内には当時の無線機や海図を展示する。地元の小学生を招いた見学会も開く予定だ。"
    ),
    "ko": (
        "항만공사는 11일 옛 도선사 대기소를 6월부터 일반에 공개한다고 밝혔다. 지붕과 창문,"
        " 경사로를 2년 동안 고쳤고 내부에는 당시의 무전기와 해도를 전시한다."
        " 지역 초등학생 견학도 열 예정이다."
    ),
    "zh": (
        "港务局11日宣布，旧引航站将于6月起向公众开放。屋顶、窗户和下方滑道的修缮工程历时两年，"
        "馆内将展出当年的无线电台和海图，并邀请当地小学生参观。港务局表示，开放后每周一闭馆维护。"
    ),
}


def page(lead: str, lang: str = "en", head: str = "", wrap: str = "article") -> str:
    """A small article page in a language: the head's tags, the lead picture, then paragraphs,
    inside ``wrap`` (an <article>, or a <div id=...> as portals write it)."""
    body = "".join(f"<p>{PROSE[lang]} ({n})</p>" for n in range(4))
    opening = "<article>" if wrap == "article" else f'<div id="{wrap}">'
    closing = "</article>" if wrap == "article" else "</div>"
    return (
        f'<html lang="{lang}"><head><title>Pilot station</title>{head}</head><body>'
        f"<h1>Pilot station</h1>{opening}{lead}{body}{closing}</body></html>"
    )


def og_image(url: str) -> str:
    """The og:image tag naming a picture."""
    return f'<meta property="og:image" content="{url}">'


def extract(markup: str, url: str = "https://news.example/2025/03/11/pilot-station") -> Extracted:
    """The article on a page."""
    return extract_article(markup, url)


@pytest.mark.parametrize(
    "between",
    [
        "</p>\n<p>",  # the caption a paragraph of its own
        "<br>\n",  # on the line after the image, in the image's paragraph
    ],
)
def test_a_markdown_post_gives_the_emphasised_line_under_its_image(between: str) -> None:
    """Jekyll renders Markdown: the image in a paragraph, the caption emphasised after it."""
    src = "https://blog.example/assets/images/pilot-station-roof.jpg"
    lead = (
        f'<p><img src="{src}" alt="The pilot station">{between}'
        "<em>The pilot station from the breakwater, with its new roof — Photo: Tove Lindgren"
        "</em></p>"
    )
    article = extract(page(lead, head=og_image(src)))
    assert (article.caption, article.credit) == (
        "The pilot station from the breakwater, with its new roof",
        "Photo: Tove Lindgren",
    )
    assert "breakwater, with its new roof" not in article.text


def test_a_site_builder_caption_in_the_next_rich_text_block_is_found() -> None:
    """Wix: the image in a wixui-image wrapper, the caption in the following rich-text block,
    in spans within spans and set in italic type."""
    src = "https://static.wixstatic.example/media/a4c1b2_9f8e7d6c5b4a~mv2.jpg"
    lead = (
        '<div id="comp-lx1" class="wixui-image" data-testid="image"><div data-testid="linkElement">'
        f'<wow-image><img src="{src}/v1/fill/w_740,h_493,al_c,q_85/a4c1b2_9f8e7d6c5b4a~mv2.jpg" '
        'alt="" width="740" height="493"></wow-image></div></div>'
        '<div id="comp-lx2" class="wixui-rich-text" data-testid="richTextElement">'
        '<p class="font_9 wixui-rich-text__text"><span style="font-size:13px;">'
        '<span style="font-style:italic;"><span class="wixui-rich-text__text">The station\'s'
        " radio room, restored with parts from three other stations</span></span></span></p></div>"
    )
    article = extract(page(lead, head=og_image(src)))
    assert (
        article.caption == "The station's radio room, restored with parts from three other stations"
    )
    assert article.credit is None


def test_two_adjacent_spans_under_the_image_are_caption_and_credit() -> None:
    """A Dutch broadcaster built with styled-components: hashed classes, and the shown picture
    another size of the og:image, named for its size in the picture's folder."""
    folder = "https://cdn.omroep.example/image/2025/03/11/1180456"
    lead = (
        '<div class="sc-7f2b4a1c-0 hAbCdE"><div class="sc-1d3e5f7a-1 jKlMnO"><picture>'
        f'<img src="{folder}/xxl.jpg" alt="" class="sc-9a8b7c6d-2 pQrStU"></picture></div>'
        '<div class="sc-2b4d6f8h-3 vWxYzA"><span class="sc-3c5e7g9i-4 bCdEfG">Het loodsstation'
        ' gezien vanaf de pier</span><span class="sc-4d6f8h0j-5 hIjKlM">Jan de Vries/ANP</span>'
        "</div></div>"
    )
    article = extract(page(lead, "nl", og_image(f"{folder}/1024x576a.jpg")))
    assert article.image_url == f"{folder}/1024x576a.jpg"
    assert (article.caption, article.credit) == (
        "Het loodsstation gezien vanaf de pier",
        "Jan de Vries/ANP",
    )


def test_a_name_alone_in_the_span_after_the_caption_is_the_credit() -> None:
    """Two adjacent spans under the image: the caption, then the photographer's name alone."""
    src = "https://cdn.omroep.example/image/2025/03/11/1180456/xxl.jpg"
    lead = (
        f'<div class="sc-1d3e5f7a-1"><img src="{src}" alt=""></div><div class="sc-2b4d6f8h-3">'
        '<span class="sc-3c5e7g9i-4">Het loodsstation gezien vanaf de pier</span>'
        '<span class="sc-4d6f8h0j-5">Jan de Vries</span></div>'
    )
    article = extract(page(lead, "nl", og_image(src)))
    assert (article.caption, article.credit) == (
        "Het loodsstation gezien vanaf de pier",
        "Jan de Vries",
    )


def test_caption_and_credit_in_data_attributes_of_an_element_of_the_figure() -> None:
    """A US chain's figure names both in data attributes of an element beside the image."""
    src = "https://www.gannett-cdn.example/presto/2025/03/11/PVCR/pilot-station.jpg"
    lead = (
        f'<figure class="gnt_em gnt_em_img"><img class="gnt_em_img_i" src="{src}" alt="">'
        '<p class="gntd" data-c-caption="The pilot station from the breakwater on Monday."'
        ' data-c-credit="Tove Lindgren/Harbour Courier"></p></figure>'
    )
    article = extract(page(lead, head=og_image(src)))
    assert (article.caption, article.credit) == (
        "The pilot station from the breakwater on Monday.",
        "Tove Lindgren/Harbour Courier",
    )


def test_a_figcaption_with_a_copyright_span_in_a_german_weekly() -> None:
    """The caption's text and a span opening with "©", in the figure of a picture whose file is
    named for its size."""
    folder = "https://img.wochen.example/hamburg/2025-03/lotsenstation-hafen"
    lead = (
        f'<figure class="article__media"><div><img src="{folder}/wide__820x461__desktop" '
        'alt="Lotsenstation"></div><figcaption>Die Lotsenstation am Morgen nach der'
        " Wiedereröffnung <span>©&nbsp;Hanna Berger/dpa</span></figcaption></figure>"
    )
    article = extract(page(lead, "de", og_image(f"{folder}/wide__1300x731")))
    assert (article.caption, article.credit) == (
        "Die Lotsenstation am Morgen nach der Wiedereröffnung",
        "© Hanna Berger/dpa",
    )


def test_a_japanese_caption_ends_with_the_photographer() -> None:
    """A Japanese national daily: "＝Name撮影" closes the figcaption."""
    src = "https://www.shimbun.example/articles/images/AS20250311000123_comm.jpg"
    lead = (
        f'<figure class="l-photo"><img src="{src}" alt=""><figcaption>一般公開に向けて修理を終えた'
        "旧水先案内所＝11日、南浜市、山田太郎撮影</figcaption></figure>"
    )
    article = extract(page(lead, "ja", og_image(src)))
    assert (article.caption, article.credit) == (
        "一般公開に向けて修理を終えた旧水先案内所＝11日、南浜市",
        "山田太郎",
    )


@pytest.mark.parametrize(
    "photo",
    [
        # The caption just after the span that holds the picture.
        '<span class="end_photo_org"><div class="nbd_im_w"><div class="nbd_a">{img}</div></div>'
        '</span><em class="img_desc">{caption}</em>',
        # The description inside the span, after the picture's wrappers.
        '<span class="end_photo_org"><div class="nbd_im_w"><div class="nbd_a">{img}</div></div>'
        '<em class="img_desc">{caption}</em></span>',
        # The table layout: the picture in one row, the caption in the next.
        '<table class="nbd_table"><tr><td class="nbd_td"><span class="end_photo_org">'
        '<div class="nbd_im_w"><div class="nbd_a">{img}</div></div></span></td></tr>'
        '<tr><td><em class="img_desc">{caption}</em></td></tr></table>',
    ],
)
def test_a_korean_portal_photo_gives_its_description(photo: str) -> None:
    """Naver's article body: the picture in end_photo_org, its description in img_desc."""
    src = "https://imgnews.portal.example/image/001/2025/03/11/PYH2025031100870001300_P4.jpg"
    img = f'<img id="img1" data-src="{src}?type=w860" class="_LAZY_LOADING" width="500">'
    caption = "공개를 앞둔 옛 도선사 대기소 [사진=연합뉴스]"
    lead = photo.format(img=img, caption=caption)
    article = extract(page(lead, "ko", og_image(src), wrap="dic_area"))
    assert (article.caption, article.credit) == ("공개를 앞둔 옛 도선사 대기소", "사진=연합뉴스")


def test_a_chinese_portal_picture_gives_its_description() -> None:
    """Sina's article body: img_wrapper holds the picture and its img_descr."""
    src = "https://n.portal.example/news/crawl/20250311/u_9a8b7c6d5e4f.jpg"
    lead = (
        f'<div class="img_wrapper"><img src="{src}" alt="旧引航站"><span class="img_descr">'
        "修缮后的旧引航站。新华社记者 王磊 摄</span></div>"
    )
    article = extract(page(lead, "zh", og_image(src), wrap="artibody"))
    assert (article.caption, article.credit) == ("修缮后的旧引航站。", "王磊")


def test_a_taiwanese_caption_names_the_reporter_who_took_the_photo() -> None:
    """ "記者Name／攝影" closes the figcaption: the credit is the name."""
    src = "https://pgw.daily.example/news/2025/03/11/pilot-station-19f3a.jpg"
    lead = (
        f'<figure class="photo_center"><a href="{src}"><img src="{src}" alt=""></a>'
        "<figcaption>整修完成的舊引水站，六月起開放參觀。記者王小明／攝影</figcaption></figure>"
    )
    article = extract(page(lead, "zh", og_image(src)))
    assert (article.caption, article.credit) == ("整修完成的舊引水站，六月起開放參觀。", "王小明")


def test_a_short_first_paragraph_after_a_picture_is_no_caption() -> None:
    """A plain paragraph after a picture, neither set apart nor closed by a credit, is the
    article's: the lead photo has no caption."""
    src = "https://blog.example/assets/images/pilot-station-roof.jpg"
    lead = f'<p><img src="{src}" alt=""></p><p>The station opens in June, the trust said.</p>'
    article = extract(page(lead, head=og_image(src)))
    assert article.caption is None
    assert "The station opens in June, the trust said." in article.text


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("Il molo al tramonto (foto Anna Bruni)", "Il molo al tramonto", "Anna Bruni"),
        ("Il molo al tramonto foto Anna Bruni", "Il molo al tramonto", "Anna Bruni"),
        ("Der Anleger am Abend. Foto: Jonas Keller", "Der Anleger am Abend.", "Foto: Jonas Keller"),
        ("Der Anleger am Abend. Bild: Jonas Keller", "Der Anleger am Abend.", "Bild: Jonas Keller"),
        ("De steiger bij avond. Jan de Vries/ANP", "De steiger bij avond.", "Jan de Vries/ANP"),
        ("傍晚的碼頭。記者王小明／攝影", "傍晚的碼頭。", "王小明"),
        ("傍晚的碼頭。王小明／攝", "傍晚的碼頭。", "王小明"),
        ("夕暮れの桟橋＝山田太郎撮影", "夕暮れの桟橋", "山田太郎"),
        ("해질녘의 부두. 사진=연합뉴스", "해질녘의 부두.", "사진=연합뉴스"),
        ("傍晚的码头。图/王磊", "傍晚的码头。", "王磊"),
        ("傍晚的码头。王磊 摄", "傍晚的码头。", "王磊"),
        (
            "The pier at dusk. Illustration by Ana Ruiz for The Harbour Record",
            "The pier at dusk.",
            "Ana Ruiz for The Harbour Record",
        ),
        (
            "The pier at dusk. Photograph by Ana Ruiz for The Harbour Record",
            "The pier at dusk.",
            "Ana Ruiz for The Harbour Record",
        ),
    ],
)
def test_credit_forms_in_other_languages_are_split_off(
    text: str, caption: str, credit: str
) -> None:
    """Italian, German, Dutch, Chinese, Japanese and Korean credits, and "... by Name for The
    Paper", are split from the caption; a label without a colon is dropped."""
    assert split_credit(text) == (caption, credit)
