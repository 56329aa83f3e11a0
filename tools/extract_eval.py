"""How well full-article extraction reads real publishers' pages (``make extract-eval``).

    .venv/bin/python tools/extract_eval.py [--corpus DIR] [--page NAME] [--json] [--check]
                                           [--write-floor]

Runs ``extract_article`` in process on every page of the corpus in ``tests/fixtures/extraction/``
(``<name>.html`` with its expected answers in ``<name>.json``, described in the README there), or
of another folder in the same format given with ``--corpus`` (such as the holdout sets in
``tests/fixtures/extraction-holdout/``, ``extraction-holdout2/``, ``extraction-holdout3/`` and
``extraction-holdout4/``, which are scored apart and never tuned on), and prints, per page and
over the corpus:

- the body: precision, recall and F1 of its word 4-gram shingles (words are NFKC case-folded runs
  of letters and digits; a page written mostly in Chinese or Japanese, which put no spaces between
  words, is cut in character 4-grams of its letters instead), averaged over the pages; a page
  whose extraction raises scores 0;
- the lead image: right (any listed address, compared exactly) of the pages that have one, and
  junk (an image reported where none is expected, or a wrong one);
- caption and credit right, of the pages that have one, compared after folding case, spaces,
  surrounding punctuation and a leading label ("Photo:", "©" ...);
- byline right, compared as the set of names, of the pages that have one plus the pages that have
  none but were given one; and bylines with junk (dates, digits, @handles, job titles ...);
- publication time right (the same instant), of the pages that have one;
- pages per second, the median of three passes after the scoring pass.

``--page NAME`` shows one page field by field with the body's missing, changed and extra blocks;
``--json`` prints the figures as JSON; ``--check`` exits 1 when a figure is below its floor in
``floor.json`` (speed is not checked: ``make bench`` owns speed); ``--write-floor`` records the
figures measured now, rounded down a little, as the new floor. Only the main corpus has a floor:
``--check`` and ``--write-floor`` with another ``--corpus`` are refused, so that no other set
becomes a target to tune on.
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from desktop.ingest.extract import Extracted, extract_article

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "extraction"
FLOOR_FILE = "floor.json"
SHINGLE = 4  # words (or characters) per shingle
PASSES = 3  # timed passes over the corpus for the speed figure
SPACELESS_SHARE = 0.3  # share of Han and kana letters from which a text is cut in characters
FLOOR_MARGIN = 0.01  # how far below the measured figure a recorded floor sits
PIECE = 8  # units from which an extracted block may be shown as a piece of an expected one
FAILED = "failed"
# The Unicode categories stripped from the ends of captions and credits: punctuation and the
# math symbols used as separators ("|", "+", "=", "~").
PUNCTUATION = frozenset({"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm"})

KEYS = (
    "url", "structure", "classes", "title", "byline", "published", "image", "caption", "credit",
    "body",
)  # fmt: skip
CLASSES = range(1, 8)
# The figures a floor is recorded for, by their name in floor.json.
FLOORED = ("f1", "image", "caption", "credit", "byline", "time")

_WORD = re.compile(r"[^\W_]+")
_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A credit's label: "Photo:", "Photo by", "Pic:", "©" ... before it; the CJK ones are written
# "写真：", "撮影：", "사진=" (NFKC folds the wide colon and equals sign), or "摄" after the name.
# Words saying who gave the picture ("Courtesy of the ...", "... 제공", "...提供") are folded too:
# the sets' answers differ on whether they belong to the credit, and either way names the giver.
_LABEL = re.compile(
    r"^(?:(?:photo(?:graph)?|image|picture|pic|credit|foto|bild|写真|撮影|사진|图片|圖片|图|圖|摄影|攝影)"
    r"\s*[:=]|(?:photo(?:graph)?|image|picture)\s+by\b|©|\(c\)|copyright\b"
    r"|courtesy(?:\s+of)?(?:\s+the)?\b)|\s*(?:[摄攝]|제공|提供)$"
)
_NAME_SEPARATORS = re.compile(r"\s+and\s+|&|,|、")
_MONTHS = (
    "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august"
    "|sep|sept|september|oct|october|nov|november|dec|december"
)
_JOBS = (
    "staff|writer|reporter|correspondent|editor|columnist|contributor|contributing|producer"
    "|photographer|journalist|intern|analyst|critic|chief|senior|bureau|기자|특파원|記者|记者|特派員"
    "|特派员|編集委員|通讯员"
)
_JUNK = re.compile(
    rf"\d|@|\||--|updated|biography|\b(?:{_MONTHS}|today|yesterday|ago)\b|{_JOBS}", re.IGNORECASE
)


# What a page whose extraction raised is scored as: nothing found.
NOTHING = Extracted(None, None, None, None, None, None, None, text="", html="")


class CorpusError(ValueError):
    """A page of the corpus is missing its answers, or its answers break the format."""


@dataclass(frozen=True, slots=True)
class Case:
    """One page of the corpus and what a careful reader says it holds."""

    name: str
    page: bytes
    url: str
    structure: str
    classes: tuple[int, ...]
    title: str
    byline: str | None
    published: datetime | None
    images: tuple[str, ...]  # every acceptable address of the lead photo; empty when it has none
    caption: str | None
    credit: str | None
    body: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Overlap:
    """Precision, recall and F1 of one text's shingles against another's."""

    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class PageScore:
    """How one page was extracted, field by field (None where the field is not expected)."""

    name: str
    error: str | None
    body: Overlap
    image: bool | None
    image_junk: bool
    caption: bool | None
    credit: bool | None
    byline: bool | None  # also False where a byline was reported and none is expected
    byline_junk: bool
    time: bool | None


@dataclass(frozen=True, slots=True)
class Rate:
    """How many pages got a field right, of those where it counts."""

    right: int
    of: int

    @property
    def rate(self) -> float:
        """The share right; 1.0 when no page counts."""
        return self.right / self.of if self.of else 1.0


@dataclass(frozen=True, slots=True)
class Figures:
    """The corpus's figures: body overlap averaged over pages, and each field's rate."""

    pages: int
    failed: int
    precision: float
    recall: float
    f1: float
    image: Rate
    image_junk: int
    caption: Rate
    credit: Rate
    byline: Rate
    byline_junk: int
    time: Rate
    pages_per_second: float | None

    def floored(self) -> dict[str, float]:
        """The figures that have a floor, by their name in floor.json."""
        return {
            "f1": self.f1,
            "image": self.image.rate,
            "caption": self.caption.rate,
            "credit": self.credit.rate,
            "byline": self.byline.rate,
            "time": self.time.rate,
        }


# The corpus


def page_names(corpus: Path) -> list[str]:
    """The names of the corpus's pages: every .html and .json file but the floor."""
    files = [*corpus.glob("*.html"), *corpus.glob("*.json")]
    return sorted({path.stem for path in files if path.name != FLOOR_FILE})


def load_corpus(corpus: Path) -> list[Case]:
    """Every page of the corpus with its answers; CorpusError names the first broken one."""
    return [load_case(corpus, name) for name in page_names(corpus)]


def load_case(corpus: Path, name: str) -> Case:
    """One page and its answers, checked against the format."""
    page, answers = corpus / f"{name}.html", corpus / f"{name}.json"
    if not page.is_file() or not answers.is_file():
        missing = answers if page.is_file() else page
        raise CorpusError(f"{missing.name} is missing from {corpus}.")
    try:
        data = json.loads(answers.read_text(encoding="utf-8"))
        html = page.read_bytes()
    except OSError as error:
        raise CorpusError(f"{error.filename} could not be read ({error.strerror}).") from error
    except ValueError as error:  # UnicodeDecodeError included
        raise CorpusError(f"{answers.name} is not valid JSON ({error}).") from error
    problems = format_problems(data)
    if problems:
        raise CorpusError(f"{answers.name}: {problems[0]}")
    return _case(name, html, data)


def _case(name: str, page: bytes, data: dict[str, Any]) -> Case:
    """A Case from answers already checked against the format."""
    image = data["image"]
    return Case(
        name=name,
        page=page,
        url=data["url"],
        structure=data["structure"],
        classes=tuple(data["classes"]),
        title=data["title"],
        byline=data["byline"],
        published=datetime.fromisoformat(data["published"]) if data["published"] else None,
        images=tuple(image) if isinstance(image, list) else (image,) if image else (),
        caption=data["caption"],
        credit=data["credit"],
        body=tuple(data["body"]),
    )


def format_problems(data: object) -> list[str]:
    """What breaks the corpus format in one page's answers, one sentence each."""
    if not isinstance(data, dict):
        return ["the answers are not a JSON object."]
    problems = [f'"{key}" is missing.' for key in KEYS if key not in data]
    problems += [f'"{key}" is not a key of the format.' for key in data if key not in KEYS]
    checks = {
        "url": _is_address(data.get("url"), {"http", "https", "file"}),
        "structure": _is_text(data.get("structure")),
        "classes": _are_classes(data.get("classes")),
        "title": _is_text(data.get("title")),
        "byline": data.get("byline") is None or _is_text(data.get("byline")),
        "published": data.get("published") is None or _is_moment(data.get("published")),
        "image": _are_images(data.get("image")),
        "caption": data.get("caption") is None or _is_text(data.get("caption")),
        "credit": data.get("credit") is None or _is_text(data.get("credit")),
        "body": _is_body(data.get("body")),
    }
    problems += [f'"{key}" has the wrong type or value.' for key in KEYS if not checks[key]]
    return problems


def _is_text(value: object) -> bool:
    """A string with something in it."""
    return isinstance(value, str) and bool(value.strip())


def _is_address(value: object, schemes: set[str]) -> bool:
    """An absolute address in one of the schemes."""
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in schemes and bool(parts.netloc or parts.scheme == "file")


def _are_classes(value: object) -> bool:
    """A list of distinct failure-class numbers."""
    return (
        isinstance(value, list)
        and all(isinstance(item, int) and item in CLASSES for item in value)
        and len(set(value)) == len(value)
    )


def _is_moment(value: object) -> bool:
    """ISO 8601 text with a time and an offset."""
    if not isinstance(value, str) or "T" not in value:
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _are_images(value: object) -> bool:
    """None, an http(s) address, or a non-empty list of them."""
    if value is None:
        return True
    items = value if isinstance(value, list) else [value]
    return bool(items) and all(_is_address(item, {"http", "https"}) for item in items)


def _is_body(value: object) -> bool:
    """A non-empty list of blocks, each with some text."""
    return isinstance(value, list) and bool(value) and all(_is_text(block) for block in value)


# The arithmetic


def is_spaceless(text: str) -> bool:
    """Whether a text is mostly Chinese or Japanese, written without spaces between words."""
    letters = [char for char in text if char.isalnum()]
    spaceless = sum(1 for char in letters if _SPACELESS.match(char))
    return bool(letters) and spaceless >= SPACELESS_SHARE * len(letters)


def units(text: str, by_characters: bool = False) -> list[str]:
    """The words of a text (NFKC, case-folded letters and digits), or its letters one by one."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if by_characters:
        return [char for char in folded if char.isalnum()]
    return _WORD.findall(folded)


def shingles(sequence: Sequence[str], size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The runs of ``size`` consecutive units, counted; a shorter sequence is one shingle."""
    if len(sequence) < size:
        return Counter([tuple(sequence)] if sequence else [])
    return Counter(tuple(sequence[i : i + size]) for i in range(len(sequence) - size + 1))


def overlap(expected: str, found: str, by_characters: bool = False) -> Overlap:
    """Precision, recall and F1 of the shingles found against those expected."""
    wanted = shingles(units(expected, by_characters))
    got = shingles(units(found, by_characters))
    common = sum((wanted & got).values())
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(wanted.values()) if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return Overlap(precision, recall, f1)


def normal_caption(text: str) -> str:
    """A caption or credit reduced for comparison: folded, unpunctuated at both ends, unlabelled."""
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    while True:
        unlabelled = _strip_punctuation(_LABEL.sub("", folded, count=1))
        if unlabelled == folded:
            return folded
        folded = unlabelled


def _strip_punctuation(text: str) -> str:
    """Text without punctuation and spaces at either end."""
    start, end = 0, len(text)
    while start < end and _is_punctuation(text[start]):
        start += 1
    while end > start and _is_punctuation(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_punctuation(char: str) -> bool:
    """Whether a character is punctuation, a separator such as "|" (a math symbol), or a space."""
    return char.isspace() or unicodedata.category(char) in PUNCTUATION


def same_caption(expected: str, found: str | None) -> bool:
    """Whether a caption (or credit) found is the one expected."""
    return found is not None and normal_caption(expected) == normal_caption(found)


def byline_names(byline: str) -> frozenset[str]:
    """The names in a byline, case-folded, split on "and", "&" and commas."""
    folded = " ".join(unicodedata.normalize("NFKC", byline).casefold().split())
    return frozenset(part.strip() for part in _NAME_SEPARATORS.split(folded) if part.strip())


def same_byline(expected: str, found: str | None) -> bool:
    """Whether a byline found names the people expected, no more and no fewer."""
    return found is not None and byline_names(expected) == byline_names(found)


def has_junk(byline: str) -> bool:
    """Whether a byline holds more than names: a date, digits, @, a job title, "|", "--" ..."""
    return bool(_JUNK.search(byline))


def same_instant(expected: datetime, found: datetime | None) -> bool:
    """Whether a time found is the instant expected (a time without a zone is taken as UTC)."""
    if found is None:
        return False
    return expected == (found if found.tzinfo else found.replace(tzinfo=UTC))


# Scoring


def extract(case: Case) -> Extracted | str:
    """What extraction finds on a page, or the error it raised, as text."""
    try:
        return extract_article(case.page, case.url)
    except Exception as error:  # a page that breaks extraction is scored, not fatal
        return f"{type(error).__name__}: {error}"


def score_page(case: Case, found: Extracted | str) -> PageScore:
    """One page's figures from what was extracted (or the error raised)."""
    got = NOTHING if isinstance(found, str) else found
    body_text = "\n\n".join(case.body)
    byline_right = _byline_right(case.byline, got.byline)
    return PageScore(
        name=case.name,
        error=found if isinstance(found, str) else None,
        body=overlap(body_text, got.text, is_spaceless(body_text)),
        image=(got.image_url in case.images) if case.images else None,
        image_junk=got.image_url is not None and got.image_url not in case.images,
        caption=same_caption(case.caption, got.caption) if case.caption else None,
        credit=same_caption(case.credit, got.credit) if case.credit else None,
        byline=byline_right,
        byline_junk=bool(got.byline and not byline_right and has_junk(got.byline)),
        time=same_instant(case.published, got.published) if case.published else None,
    )


def _byline_right(expected: str | None, found: str | None) -> bool | None:
    """Whether the byline is right; None when none is expected and none was reported."""
    if expected is None:
        return None if found is None else False
    return same_byline(expected, found)


def summarize(scores: Sequence[PageScore], pages_per_second: float | None) -> Figures:
    """The corpus's figures from every page's."""
    count = len(scores)
    return Figures(
        pages=count,
        failed=sum(1 for score in scores if score.error),
        precision=_mean(score.body.precision for score in scores),
        recall=_mean(score.body.recall for score in scores),
        f1=_mean(score.body.f1 for score in scores),
        image=_rate(score.image for score in scores),
        image_junk=sum(1 for score in scores if score.image_junk),
        caption=_rate(score.caption for score in scores),
        credit=_rate(score.credit for score in scores),
        byline=_rate(score.byline for score in scores),
        byline_junk=sum(1 for score in scores if score.byline_junk),
        time=_rate(score.time for score in scores),
        pages_per_second=pages_per_second,
    )


def _mean(values: Iterable[float]) -> float:
    """The mean, or 0 of nothing."""
    found = list(values)
    return sum(found) / len(found) if found else 0.0


def _rate(verdicts: Iterable[bool | None]) -> Rate:
    """How many verdicts are right, of those given."""
    given = [verdict for verdict in verdicts if verdict is not None]
    return Rate(sum(given), len(given))


def pages_per_second(cases: Sequence[Case], passes: int = PASSES) -> float | None:
    """Pages extracted per second in process: the median of timed passes over the corpus."""
    if not cases or passes < 1:
        return None
    durations = []
    for _ in range(passes):
        start = time.perf_counter()
        for case in cases:
            extract(case)
        durations.append(time.perf_counter() - start)
    return len(cases) / statistics.median(durations)


def below_floor(figures: Figures, floor: dict[str, float]) -> list[str]:
    """One line for each figure under its floor."""
    measured = figures.floored()
    return [
        f"{name} is {measured[name]:.3f}, below its floor of {floor[name]:.3f}"
        for name in FLOORED
        if name in floor and measured[name] < floor[name]
    ]


def floor_of(figures: Figures) -> dict[str, float]:
    """The floor to record: each figure rounded down to hundredths, less a small margin."""
    return {
        name: max(0.0, round(math.floor(value * 100 + 1e-9) / 100 - FLOOR_MARGIN, 2))
        for name, value in figures.floored().items()
    }


# Reports


def report(scores: Sequence[PageScore], figures: Figures, corpus: Path) -> str:
    """The per-page table and the corpus's figures, as printed."""
    width = max([len(score.name) for score in scores] + [4])
    lines = [f"Extraction on {figures.pages} pages of {corpus}", ""]
    lines.append(f"{'page':<{width}}     F1     P     R  image caption credit byline time")
    lines += [_page_row(score, width) for score in scores]
    lines += ["", *_figure_lines(figures)]
    return "\n".join(lines)


def _page_row(score: PageScore, width: int) -> str:
    """One page's line of the table."""
    body = score.body
    marks = [_mark(v) for v in (score.image, score.caption, score.credit, score.byline, score.time)]
    junk = " image-junk" if score.image_junk else ""
    junk += " byline-junk" if score.byline_junk else ""
    failed = f"  {FAILED}: {score.error}" if score.error else ""
    return (
        f"{score.name:<{width}}  {body.f1:5.2f} {body.precision:5.2f} {body.recall:5.2f}  "
        f"{marks[0]:^5} {marks[1]:^7} {marks[2]:^6} {marks[3]:^6} {marks[4]:^4}{junk}{failed}"
    )


def _mark(verdict: bool | None) -> str:
    """ok, X or - (not expected)."""
    return "-" if verdict is None else "ok" if verdict else "X"


def _figure_lines(figures: Figures) -> list[str]:
    """The corpus's figures, one line each."""
    speed = figures.pages_per_second
    return [
        f"body     F1 {figures.f1:.3f}  precision {figures.precision:.3f}  "
        f"recall {figures.recall:.3f}  ({figures.failed} pages failed)",
        f"image    {_rate_text(figures.image)}  junk {figures.image_junk}",
        f"caption  {_rate_text(figures.caption)}",
        f"credit   {_rate_text(figures.credit)}",
        f"byline   {_rate_text(figures.byline)}  junk {figures.byline_junk}",
        f"time     {_rate_text(figures.time)}",
        f"speed    {speed:.1f} pages/s (median of {PASSES} passes)" if speed else "speed    -",
    ]


def _rate_text(rate: Rate) -> str:
    """A rate as printed: right 12/20 (60%)."""
    return f"right {rate.right}/{rate.of} ({rate.rate:.0%})"


def figures_json(figures: Figures, scores: Sequence[PageScore]) -> str:
    """The figures as JSON, rates with their counts, and each page's verdicts."""
    data: dict[str, Any] = asdict(figures)
    for name in ("image", "caption", "credit", "byline", "time"):
        data[name]["rate"] = getattr(figures, name).rate
    data["per_page"] = [asdict(score) for score in scores]
    return json.dumps(data, indent=2, ensure_ascii=False)


def page_report(case: Case, found: Extracted | str) -> str:
    """One page's expected and extracted values, field by field, and the body's differences."""
    score = score_page(case, found)
    if isinstance(found, str):
        return f"{case.name}: extraction failed: {found}"
    rows = [
        ("title", case.title, found.title, None),
        ("byline", case.byline, found.byline, score.byline),
        ("published", case.published and case.published.isoformat(),
         found.published and found.published.isoformat(), score.time),
        ("image", " | ".join(case.images) or None, found.image_url, score.image),
        ("caption", case.caption, found.caption, score.caption),
        ("credit", case.credit, found.credit, score.credit),
    ]  # fmt: skip
    lines = [f"{case.name} ({case.structure}, classes {list(case.classes)})", case.url, ""]
    for field, expected, extracted, verdict in rows:
        lines += [f"{field:<10} {_mark(verdict)}", f"  expected  {expected}"]
        lines.append(f"  extracted {extracted}")
    body = score.body
    lines += ["", f"body F1 {body.f1:.3f}  precision {body.precision:.3f}"]
    lines[-1] += f"  recall {body.recall:.3f}"
    lines += body_differences(case.body, found.text.split("\n\n") if found.text else [])
    return "\n".join(lines)


def body_differences(expected: Sequence[str], found: Sequence[str]) -> list[str]:
    """The expected blocks missing or changed in the extracted body, and its extra blocks."""
    by_characters = is_spaceless("\n".join(expected))
    used: set[int] = set()
    lines: list[str] = []
    for block in expected:
        index, similarity = _closest(block, found, by_characters)
        if similarity == 1.0 and units(block, by_characters) == units(found[index], by_characters):
            used.add(index)
        elif similarity >= 0.5:
            used.add(index)
            lines.append(f"  changed  {_short(block)}")
            lines.append(f"           {_word_diff(block, found[index], by_characters)}")
        else:
            lines.append(f"  missing  {_short(block)}")
    lines += [f"  extra    {_short(block)}" for i, block in enumerate(found) if i not in used]
    return lines or ["  every block as expected"]


def _closest(block: str, found: Sequence[str], by_characters: bool) -> tuple[int, float]:
    """The extracted block most like an expected one, and how alike: their F1, or the precision
    of a long extracted block that is a piece of the expected one."""
    best, similarity = -1, 0.0
    for index, candidate in enumerate(found):
        scores = overlap(block, candidate, by_characters)
        long = len(units(candidate, by_characters)) >= PIECE
        alike = max(scores.f1, scores.precision if long else 0.0)
        if alike > similarity:
            best, similarity = index, alike
    return best, similarity


def _word_diff(expected: str, found: str, by_characters: bool) -> str:
    """The words dropped (-) and added (+) between two versions of a block."""
    old, new = units(expected, by_characters), units(found, by_characters)
    changes = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            changes += [f"-{unit}" for unit in old[i1:i2]] + [f"+{unit}" for unit in new[j1:j2]]
    return " ".join(changes)[:300] or "(the same words; only punctuation or spacing differ)"


def _short(text: str, limit: int = 110) -> str:
    """A block cut to one line of a terminal."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# The command


def main(argv: Sequence[str] | None = None) -> int:
    """Score extraction on the corpus; 1 when a figure is under its floor (with --check)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS, help="the folder of pages (default: the main corpus)"
    )
    parser.add_argument("--page", help="show one page's expected and extracted values")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 below the floor")
    parser.add_argument("--write-floor", action="store_true", help="record the floor")
    parser.add_argument("--passes", type=int, default=PASSES, help="timed passes (0: none)")
    arguments = parser.parse_args(argv)
    if (arguments.check or arguments.write_floor) and not is_main_corpus(arguments.corpus):
        option = "--check" if arguments.check else "--write-floor"
        print(
            f"{option} works on the main corpus only ({CORPUS}), the one with a floor: score "
            f"{arguments.corpus} without it.",
            file=sys.stderr,
        )
        return 1
    try:
        return _run(arguments)
    except CorpusError as error:
        print(f"The extraction corpus could not be read: {error}", file=sys.stderr)
        return 1


def is_main_corpus(corpus: Path) -> bool:
    """Whether a folder is the main corpus, the only one with a floor."""
    return corpus.resolve() == CORPUS.resolve()


def _run(arguments: argparse.Namespace) -> int:
    """The command's work, once its arguments are read."""
    corpus: Path = arguments.corpus
    if arguments.page:
        print(page_report((case := load_case(corpus, arguments.page)), extract(case)))
        return 0
    cases = load_corpus(corpus)
    if not cases:
        raise CorpusError(f"{corpus} holds no pages.")
    scores = [score_page(case, extract(case)) for case in cases]  # also the warm-up pass
    figures = summarize(scores, pages_per_second(cases, arguments.passes))
    print(figures_json(figures, scores) if arguments.json else report(scores, figures, corpus))
    if arguments.write_floor:
        floor_text = json.dumps(floor_of(figures), indent=2) + "\n"
        (corpus / FLOOR_FILE).write_text(floor_text, encoding="utf-8")
        print(f"Wrote the floor to {corpus / FLOOR_FILE}", file=sys.stderr)
    if arguments.check:
        return _check(figures, corpus / FLOOR_FILE)
    return 0


def _check(figures: Figures, floor_path: Path) -> int:
    """Print each figure under its floor; 1 if any is."""
    try:
        floor = json.loads(floor_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CorpusError(f"the floor {floor_path} could not be read ({error}).") from error
    failures = below_floor(figures, {key: float(value) for key, value in floor.items()})
    for line in failures:
        print(line, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
