"""Bylines on pages that sign the editor apart from the author: an editor's sign-off
("责任编辑：", "編集：", "Redaktion:", "Edited by") is never the author, and the reporter a
Chinese story names in its own text ("（记者 周晓峰）", "记者 周晓峰") is."""

from __future__ import annotations

import pytest

from desktop.ingest.extract import extract_article

URL = "https://news.portal.example/2025-03-11/doc-pilot-station.shtml"
ZH = (
    "港务局11日宣布，旧引航站将于6月起向公众开放。屋顶、窗户和下方滑道的修缮工程历时两年，"
    "馆内将展出当年的无线电台和海图，并邀请当地小学生参观。港务局表示，开放后每周一闭馆维护。"
)
EN = (
    "The harbour trust said on Monday that the old pilot station would open to visitors in June,"
    " after two years of repairs to its roof, its windows and the slipway beneath it."
)


def chinese_page(opening: str, after: str, head: str = "") -> str:
    """A Chinese portal's article: the opening paragraph given, three more, then ``after``."""
    body = "".join(f"<p>{ZH}（{n}）</p>" for n in range(3))
    return (
        f'<html lang="zh-CN"><head><title>旧引航站6月开放</title>{head}</head><body>'
        '<h1 class="main-title">旧引航站6月开放</h1><div class="article" id="artibody">'
        f"<p>{opening}</p>{body}{after}</div></body></html>"
    )


def english_page(before: str, head: str = "", lang: str = "en") -> str:
    """An article page with markup before its four paragraphs."""
    body = "".join(f"<p>{EN} Paragraph {n}.</p>" for n in range(4))
    return (
        f'<html lang="{lang}"><head><title>Pilot station</title>{head}</head><body><article>'
        f"<h1>Pilot station to open</h1>{before}{body}</article></body></html>"
    )


@pytest.mark.parametrize(
    "opening",
    [
        f"新华社北京3月11日电（记者 周晓峰）{ZH}",
        f"本报讯（记者 周晓峰）{ZH}",
    ],
)
def test_the_reporter_after_the_dateline_is_the_author_not_the_editor(opening: str) -> None:
    """Sina: the editor signs off below the story in "article-editor"; the reporter is named in
    brackets after the dateline."""
    after = '<p class="article-editor">责任编辑：王磊</p>'
    head = '<meta name="author" content="责任编辑：王磊">'
    assert extract_article(chinese_page(opening, after, head), URL).byline == "周晓峰"


def test_a_reporters_line_opening_the_body_names_the_authors() -> None:
    """ "记者 周晓峰 李楠" as the body's first paragraph; the editor in a block named author."""
    after = '<div class="show_author">责任编辑：王磊 SN225</div>'
    page = chinese_page("记者 周晓峰 李楠", after)
    assert extract_article(page, URL).byline == "周晓峰 and 李楠"


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ('<div class="byline">By Jane Doe; Edited by John Roe</div>', "Jane Doe"),
        ('<div class="byline">Von Anna Schmidt · Redaktion: Peter Braun</div>', "Anna Schmidt"),
        ('<div class="byline">Edited by John Roe</div>', None),
        ('<div class="author">編集：山本 健</div>', None),
    ],
)
def test_an_editors_sign_off_is_never_the_author(before: str, expected: str | None) -> None:
    """Names after an editor's label are the editor's; a sign-off alone names no author."""
    assert extract_article(english_page(before), URL).byline == expected
