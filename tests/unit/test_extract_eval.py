"""The extraction scorer's arithmetic on small hand-made inputs, and the corpus's format."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

import tools.extract_eval
from desktop.ingest.extract import Extracted
from tools.extract_eval import (
    CORPUS,
    FLOOR_FILE,
    FLOORED,
    Case,
    Figures,
    Rate,
    below_floor,
    byline_names,
    floor_of,
    format_problems,
    has_junk,
    is_spaceless,
    load_corpus,
    main,
    overlap,
    page_names,
    same_byline,
    same_caption,
    same_instant,
    score_page,
    shingles,
    summarize,
    units,
)

# The holdout sets: pages scored apart from the main corpus and never tuned on (their READMEs).
HOLDOUT = CORPUS.parent / "extraction-holdout"
HOLDOUT2 = CORPUS.parent / "extraction-holdout2"
HOLDOUT3 = CORPUS.parent / "extraction-holdout3"
HOLDOUT4 = CORPUS.parent / "extraction-holdout4"
HOLDOUTS = (HOLDOUT, HOLDOUT2, HOLDOUT3, HOLDOUT4)
HOLDOUT_IDS = ["holdout", "holdout2", "holdout3", "holdout4"]
# Each set's names start with its own prefixes.
PREFIXES = {
    CORPUS: {"a-", "b-", "c-"}, HOLDOUT: {"h-"}, HOLDOUT2: {"g-"}, HOLDOUT3: {"k-"},
    HOLDOUT4: {"m-"},
}  # fmt: skip
# The fewest pages each holdout set holds (the third was asked for at least 25, the fourth 32).
FEWEST_PAGES = {HOLDOUT: 24, HOLDOUT2: 24, HOLDOUT3: 25, HOLDOUT4: 32}

ANSWERS: dict[str, Any] = {
    "url": "https://www.paper.example/2025/04/02/story",
    "structure": "wordpress-classic",
    "classes": [1, 6],
    "title": "A headline",
    "byline": "Jane Doe and John Roe",
    "published": "2025-04-02T19:47:00-05:00",
    "image": ["https://cdn.paper.example/lead.jpg", "https://cdn.paper.example/lead-1024x576.jpg"],
    "caption": "Workers on the quay on Tuesday.",
    "credit": "Jane Doe/Reuters",
    "body": ["The first paragraph of the story.", "The second one."],
}


def case(**changes: Any) -> Case:
    """A page's answers, as the corpus would give them, with some fields changed."""
    body = changes.pop("body", ("The first paragraph of the story.", "The second one."))
    fields: dict[str, Any] = {
        "name": "a-test",
        "page": b"<html></html>",
        "url": ANSWERS["url"],
        "structure": "wordpress-classic",
        "classes": (1, 6),
        "title": "A headline",
        "byline": "Jane Doe and John Roe",
        "published": datetime(2025, 4, 2, 19, 47, tzinfo=timezone(timedelta(hours=-5))),
        "images": tuple(ANSWERS["image"]),
        "caption": "Workers on the quay on Tuesday.",
        "credit": "Jane Doe/Reuters",
        "body": tuple(body),
    }
    fields.update(changes)
    return Case(**fields)


def extracted(**changes: Any) -> Extracted:
    """What an extractor might report for the page of ``case()``, with some fields changed."""
    fields: dict[str, Any] = {
        "title": "A headline",
        "byline": "John Roe and Jane Doe",
        "published": datetime(2025, 4, 3, 0, 47, tzinfo=UTC),
        "url": ANSWERS["url"],
        "image_url": "https://cdn.paper.example/lead-1024x576.jpg",
        "caption": "Workers on the quay on Tuesday",
        "credit": "Photo: Jane Doe/Reuters",
        "text": "The first paragraph of the story.\n\nThe second one.",
        "html": "",
    }
    fields.update(changes)
    return Extracted(**fields)


# Shingles and F1


def test_words_are_folded_runs_of_letters_and_digits() -> None:
    assert units("Officials’ REPORT: 4,318 votes—in favor.") == [
        "officials", "report", "4", "318", "votes", "in", "favor",
    ]  # fmt: skip
    assert units("Ｆｕｌｌ ｗｉｄｔｈ") == ["full", "width"]  # NFKC


def test_shingles_are_counted_runs_of_four_and_a_short_text_is_one() -> None:
    assert shingles(["a", "b", "c", "d", "e"]) == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles(["a", "b", "a", "b", "a", "b", "a"])[("a", "b", "a", "b")] == 2
    assert shingles(["only", "two"]) == {("only", "two"): 1}
    assert shingles([]) == {}


def test_precision_recall_and_f1() -> None:
    same = overlap("one two three four five", "One, two; three four five!")
    assert (same.precision, same.recall, same.f1) == (1.0, 1.0, 1.0)
    half = overlap("one two three four five", "one two three four")
    assert (half.precision, half.recall) == (1.0, 0.5)
    assert half.f1 == pytest.approx(2 / 3)
    extra = overlap("one two three four", "one two three four five six")
    assert extra.precision == pytest.approx(1 / 3)
    assert extra.recall == 1.0
    assert overlap("one two three four", "").f1 == 0.0


def test_words_glued_across_a_link_lose_their_shingles() -> None:
    glued = overlap("officials reported that the board met", "officials reportedthat the board met")
    assert glued.recall == 0.0
    assert glued.precision == 0.0


def test_chinese_and_japanese_are_cut_in_characters_korean_in_words() -> None:
    assert is_spaceless("江东省商务厅2日宣布，将补贴延长至年底。")
    assert is_spaceless("北浦駅に到着する山辺線の列車")
    assert not is_spaceless("대전 중구 으뜸시장이 QR 결제를 도입했다")
    assert not is_spaceless("Plain English text")
    assert units("补贴，延长！", by_characters=True) == ["补", "贴", "延", "长"]
    dropped = overlap("江东省商务厅宣布延长补贴", "江东省商务厅宣布", by_characters=True)
    assert dropped.precision == 1.0
    assert dropped.recall == pytest.approx(5 / 9)


# Captions, credits, bylines and times


@pytest.mark.parametrize(
    ("expected", "found"),
    [
        ("AFP", "Photo: © AFP"),
        ("AFP", "(AFP)"),
        ("Jane Doe/Reuters", "Credit: JANE DOE/REUTERS"),
        ("Getty Images", "| Getty Images"),
        ("Mia Santos / Tillman County Ledger", "Photo by Mia Santos / Tillman County Ledger"),
        ("Hamish Ross", "Picture: Hamish Ross"),
        ("Jonas Keller", "Bild: Jonas Keller"),
        ("Marlowe Institute", "Image:  Marlowe   Institute."),
        ("佐藤健一", "写真：佐藤健一"),
        ("김민준 기자", "/사진=김민준 기자"),
        ("Clay County Historical Society", "Courtesy of the Clay County Historical Society."),
        ("Courtesy of Dana Roe", "Dana Roe"),
        ("서울시", "서울시 제공"),
        ("市教育委員会提供", "市教育委員会"),
        ("Workers on the quay on Tuesday.", "Workers on the quay on Tuesday"),
    ],
)
def test_captions_and_credits_match_without_labels_case_spaces_or_end_punctuation(
    expected: str, found: str
) -> None:
    assert same_caption(expected, found)


def test_a_different_credit_or_none_is_wrong() -> None:
    assert not same_caption("AFP", "AFP/Getty Images")
    assert not same_caption("AFP", None)
    assert not same_caption("Courtesy of the Historical Society", "Historical Society Archive")
    assert not same_caption("Workers on the quay.", "Workers on the quay. Photo: AFP")


def test_bylines_compare_as_sets_of_names() -> None:
    assert byline_names("Teresa Huang, Mark Olander and Bianca Ferris") == {
        "teresa huang", "mark olander", "bianca ferris",
    }  # fmt: skip
    assert same_byline("Marisol Vega and Derek Holt", "DEREK HOLT & MARISOL VEGA")
    assert not same_byline("Nadia Coleman and Peter Vasquez", "Nadia Coleman")
    assert not same_byline("Sam Delgado", "By Sam Delgado")
    assert not same_byline("Sam Delgado", None)


@pytest.mark.parametrize(
    "byline",
    ["Sam DelgadoUpdated 3:40 p.m. March 4, 2025", "Dana Whitfield @dwhitfield",
     "Ravi Menon, Senior Correspondent", "Maria ChenStaff Writer", "J.Barnes--TFWP",
     "Oliver Grant | Northern News Agency", "Claire DunmoreSept. 10, 2025", "김민준 기자",
     "Jane Doe Biography", "记者 王丽 北京报道"],
)  # fmt: skip
def test_bylines_with_dates_handles_titles_or_separators_are_junk(byline: str) -> None:
    assert has_junk(byline)


def test_names_alone_are_not_junk() -> None:
    assert not has_junk("Jane Doe and John Roe")
    assert not has_junk("Teresa Huang, Mark Olander and Bianca Ferris")


def test_times_compare_as_instants() -> None:
    expected = datetime(2025, 4, 2, 19, 47, tzinfo=timezone(timedelta(hours=-5)))
    assert same_instant(expected, datetime(2025, 4, 3, 0, 47, tzinfo=UTC))
    assert same_instant(expected, datetime(2025, 4, 3, 0, 47))  # no zone: UTC
    assert not same_instant(expected, datetime(2025, 4, 2, 19, 47, tzinfo=UTC))
    assert not same_instant(expected, None)


# Pages and the corpus's figures


def test_a_page_extracted_right_scores_right_on_every_field() -> None:
    score = score_page(case(), extracted())
    assert score.body.f1 == 1.0
    assert (score.image, score.caption, score.credit, score.byline, score.time) == (
        True, True, True, True, True,
    )  # fmt: skip
    assert not score.image_junk
    assert not score.byline_junk


def test_wrong_and_unexpected_fields_are_counted_wrong_or_junk() -> None:
    score = score_page(
        case(images=(), byline=None, caption=None),
        extracted(image_url="https://cdn.paper.example/logo.png", byline="Staff | 3 hours ago"),
    )
    assert score.image is None
    assert score.image_junk
    assert score.byline is False  # reported where none is expected
    assert score.byline_junk
    assert score.caption is None
    wrong = score_page(case(), extracted(image_url="https://cdn.paper.example/other.jpg"))
    assert wrong.image is False
    assert wrong.image_junk


def test_a_page_whose_extraction_raised_scores_nothing() -> None:
    score = score_page(case(), "ExtractionError: No article was found on the page.")
    assert score.error
    assert (score.body.precision, score.body.recall, score.body.f1) == (0.0, 0.0, 0.0)
    assert (score.image, score.caption, score.byline, score.time) == (False, False, False, False)


def test_figures_average_pages_and_count_rates() -> None:
    right = score_page(case(), extracted())
    failed = score_page(case(byline=None), "ExtractionError: none")
    figures = summarize([right, failed], pages_per_second=None)
    assert figures.f1 == 0.5
    assert figures.failed == 1
    assert figures.image == Rate(1, 2)
    assert figures.byline == Rate(1, 1)  # the second page expects none and got none
    assert figures.caption.rate == 0.5
    assert Rate(0, 0).rate == 1.0


def test_the_floor_is_a_little_under_the_figures_and_a_drop_below_it_is_reported() -> None:
    figures = summarize([score_page(case(), extracted())], pages_per_second=12.0)
    floor = floor_of(figures)
    assert set(floor) == set(FLOORED)
    assert floor["f1"] == pytest.approx(0.99)
    assert below_floor(figures, floor) == []
    lower = summarize([score_page(case(), extracted(caption=None))], pages_per_second=None)
    assert below_floor(lower, floor) == ["caption is 0.000, below its floor of 0.990"]


def test_floor_values_are_hundredths_without_float_noise() -> None:
    figures = Figures(
        pages=100, failed=0, precision=0.9, recall=0.9, f1=0.905, image=Rate(57, 100),
        image_junk=0, caption=Rate(29, 100), credit=Rate(0, 0), byline=Rate(1, 3),
        byline_junk=0, time=Rate(0, 4), pages_per_second=None,
    )  # fmt: skip
    assert floor_of(figures) == {
        "f1": 0.89, "image": 0.56, "caption": 0.28, "credit": 0.99, "byline": 0.32, "time": 0.0,
    }  # fmt: skip


def copy_page(name: str, folder: Path) -> None:
    """One page of the main corpus and its answers, copied into a folder."""
    for suffix in (".html", ".json"):
        shutil.copy(CORPUS / f"{name}{suffix}", folder / f"{name}{suffix}")


def test_check_exits_1_with_one_line_per_figure_below_the_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    name = page_names(CORPUS)[0]
    copy_page(name, tmp_path)
    (tmp_path / FLOOR_FILE).write_text(json.dumps(dict.fromkeys(FLOORED, 1.01)), encoding="utf-8")
    monkeypatch.setattr(tools.extract_eval, "CORPUS", tmp_path)  # the main corpus, by default
    assert main(["--passes", "0", "--check"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert [line.split()[0] for line in lines] == list(FLOORED)
    assert main(["--page", name]) == 0
    assert capsys.readouterr().out.startswith(name)


def test_corpus_scores_the_pages_of_another_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = page_names(CORPUS)[0]
    copy_page(name, tmp_path)
    assert main(["--corpus", str(tmp_path), "--passes", "0", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["pages"] == 1
    assert [page["name"] for page in figures["per_page"]] == [name]
    assert main(["--corpus", str(tmp_path), "--page", name]) == 0
    assert capsys.readouterr().out.startswith(name)


@pytest.mark.parametrize("option", ["--check", "--write-floor"])
def test_the_floor_is_refused_for_any_corpus_but_the_main_one(
    option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_page(page_names(CORPUS)[0], tmp_path)
    for corpus in (*HOLDOUTS, tmp_path):
        assert main(["--corpus", str(corpus), "--passes", "0", option]) == 1
        output = capsys.readouterr()
        assert output.out == ""  # refused before scoring anything
        assert output.err.splitlines() == [
            f"{option} works on the main corpus only ({CORPUS}), the one with a floor: score "
            f"{corpus} without it."
        ]
    assert not (tmp_path / FLOOR_FILE).exists()
    assert not any((holdout / FLOOR_FILE).exists() for holdout in HOLDOUTS)


# The corpus's format, and the holdout sets'


@pytest.mark.parametrize("corpus", [CORPUS, *HOLDOUTS], ids=["corpus", *HOLDOUT_IDS])
def test_every_page_has_its_answers_and_every_answer_its_page(corpus: Path) -> None:
    pages = {path.stem for path in corpus.glob("*.html")}
    answers = {path.stem for path in corpus.glob("*.json")} - {Path(FLOOR_FILE).stem}
    assert pages
    assert pages == answers


@pytest.mark.parametrize(
    ("corpus", "name"),
    [(corpus, name) for corpus in (CORPUS, *HOLDOUTS) for name in page_names(corpus)],
    ids=lambda value: value if isinstance(value, str) else value.name,
)
def test_every_answer_file_follows_the_format(corpus: Path, name: str) -> None:
    data = json.loads((corpus / f"{name}.json").read_text(encoding="utf-8"))
    assert format_problems(data) == []
    assert name[:2] in PREFIXES[corpus]


def test_the_corpus_loads_and_its_floor_names_every_figure() -> None:
    assert len(load_corpus(CORPUS)) == len(page_names(CORPUS))
    floor = json.loads((CORPUS / FLOOR_FILE).read_text(encoding="utf-8"))
    assert set(floor) == set(FLOORED)
    assert all(isinstance(value, float) and 0 <= value <= 1 for value in floor.values())


@pytest.mark.parametrize("holdout", HOLDOUTS, ids=HOLDOUT_IDS)
def test_a_holdout_set_loads_has_enough_pages_and_no_floor(holdout: Path) -> None:
    assert len(load_corpus(holdout)) == len(page_names(holdout)) >= FEWEST_PAGES[holdout]
    assert not (holdout / FLOOR_FILE).exists()
    others = {
        name for corpus in (CORPUS, *HOLDOUTS) if corpus != holdout for name in page_names(corpus)
    }
    assert not set(page_names(holdout)) & others


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"credit": ...}, '"credit" is missing.'),
        ({"notes": "x"}, '"notes" is not a key of the format.'),
        ({"body": []}, '"body" has the wrong type or value.'),
        ({"body": ["text", " "]}, '"body" has the wrong type or value.'),
        ({"published": "2025-04-02T19:47:00"}, '"published" has the wrong type or value.'),
        ({"published": "2025-04-02"}, '"published" has the wrong type or value.'),
        ({"image": "/relative/lead.jpg"}, '"image" has the wrong type or value.'),
        ({"image": []}, '"image" has the wrong type or value.'),
        ({"classes": [8]}, '"classes" has the wrong type or value.'),
        ({"byline": ""}, '"byline" has the wrong type or value.'),
        ({"url": "www.paper.example/story"}, '"url" has the wrong type or value.'),
    ],
)
def test_format_problems_are_named(change: dict[str, Any], problem: str) -> None:
    data = {**ANSWERS, **change}
    data = {key: value for key, value in data.items() if value is not ...}
    assert format_problems(data) == [problem]


def test_answers_that_follow_the_format_have_no_problems() -> None:
    assert format_problems(ANSWERS) == []
    saved = {**ANSWERS, "url": "file:///home/reader/Saved/page.html", "image": None}
    assert format_problems({**saved, "byline": None, "published": None, "caption": None}) == []
    assert format_problems([ANSWERS]) == ["the answers are not a JSON object."]
