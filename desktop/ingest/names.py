"""People's names in a byline's text: without the label before them ("By", "Von", "Author:",
"Автор:", "Penulis:", "كتب:") or the wire's site ("PAPER.EXAMPLE/"), the job title after them
(in English, German, French, Spanish, Italian and Portuguese, or a CJK title or bureau), the date,
"Updated ...", @handles, e-mails, agencies and "| Agency"; an agency signature ("J.Barnes--TFWP")
gives its name ("J. Barnes"). A site's, an organisation's or an agency's name is no person's, nor
is a picture's credit.
"""

from __future__ import annotations

import re

from desktop.ingest.creditforms import AGENCIES, SITE_ADDRESS, is_photo_credit
from desktop.ingest.datewords import MONTHS
from desktop.ingest.elements import clean

MAX_NAME = 60  # characters of one name
MAX_WORDS = 6  # words of one name ("Maria de los Angeles Garcia")
MAX_CREDITS_LINE = 120  # characters of a line crediting the author or editor

# An agency's signature closing a story: an initial, a dot, the name, "--" and the desk's code.
SIGNATURE = re.compile(
    r"^(?P<initial>[A-Z][A-Za-z-]{0,5})\.\s?(?P<name>[^\W\d_][\w'’ -]{0,40})"
    r"--(?P<desk>[A-Za-z][A-Za-z0-9]{1,11})$"
)
# Labels of an author before the names, with a colon: "Author:", the Russian, Polish and Czech
# "Автор:"/"Autor:", Turkish "Haber:" and "Yazar:", Indonesian "Penulis:", "Reporter:" and
# "Pewarta:", Vietnamese "Tác giả:", Hebrew "מאת:", Arabic "كتب:" ("wrote") and "بقلم:" ("by").
AUTHOR_LABELS = (
    r"authors?|autor(?:in|en|ka)?|auteur(?:e|s)?|autore|text|texte|written|автор(?:ы|а)?|haber"
    r"|yazar|penulis|reporter|pewarta|wartawan|tác giả|מאת|كتب|بقلم"
)
# What comes before the names: "By", "Words and pictures by", "Von", "Par", "Author:" ... (the
# Arabic and Hebrew "by" without a colon too).
_LABEL = re.compile(
    r"^(?:(?:(?:[^\W\d_]+\s+){0,3}?by|von|par|por|door|di|av|af)\b\s*:?|(?:كتب|بقلم|מאת)(?!\w)"
    rf"\s*[:：-]?|(?:{AUTHOR_LABELS})\s*[:：])\s*",
    re.I,
)
# A wire's byline naming its site before the reporter: "PAPER.EXAMPLE/JANE DOE".
_SITE_FIRST = re.compile(rf"^{SITE_ADDRESS}\s?/\s?(?=\w)")
# An author's label written without a colon: "Written by", "Words by", "Text by", "Story by".
# The Arabic "wrote" and "by" with a dash ("كتب - ..."), or alone in an element of their own.
_WRITTEN_BY = r"(?:written|words|text|story|reporting)\s+by\b"
_AUTHOR_LABEL = re.compile(
    rf"(?:{AUTHOR_LABELS})\s*[:：]|{_WRITTEN_BY}\s*(?=\w)|(?:كتب|بقلم)\s*[-–—]", re.I
)
_LABEL_ALONE = re.compile(rf"\s*(?:{_WRITTEN_BY}|كتب|بقلم|מאת)\s*[:：]?\s*", re.I)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# Where the names end: a date or time, a label of one, a digit, a separator of other facts.
_NAMES_END = re.compile(
    rf"\b(?:{_MONTH_NAMES})\.?\s+\d|\d|\b(?:updated|published|posted|last modified|aktualisiert"
    r"|veröffentlicht|mis à jour|publié|actualizado|publicado|aggiornato|pubblicato)\b"
    r"|[|•·]|\s[–—-]\s",
    re.I,
)
# An editor's (or a Chinese page's proofreader's, "校对：") sign-off: the names after it are the
# editor's, never an author's.
_EDITOR = re.compile(
    r"(?:责任编辑|責任編輯|编辑|編輯|編集|校对|校對|审校|審校|审核|審核|监制|監製|责编|責編|主编|主編"
    r"|redaktion|redakteur(?:in)?|editor|editora?|rédaction"
    r"|redacción|editör|penyunting|redaktur|redaktor|redakce|redakcja|редактор|تحرير|עריכה)"
    r"\s*[:：]|责任编辑|責任編輯|\b(?:edited|editing|produced)\s+by\b",
    re.I,
)
_NOT_NAMES = re.compile(r"\S*@\S*|https?://\S+|www\.\S+|\([^)]*\)")  # handles, e-mails, asides
# What joins names: commas, "and" in a few languages ("e" and "y" only before a capital, as
# Italian, Portuguese and Spanish bylines join two names).
_SEPARATORS = re.compile(r"\s*(?:,|;|&|\b(?:and|und|et|en)\b|\s(?:e|y)\s(?=[A-Z])|、|，)\s*", re.I)
_JOB_NOUNS = (
    r"writers?|reporters?|correspondents?|editors?|columnists?|contributors?|producers?"
    r"|photographers?|journalists?|interns?|analysts?|critics?|clerk|chief|staff|bureau|desk"
    r"|freelancer|stringer|anchor|presenter|redakteur(?:in)?|korrespondent(?:in)?|journalistin"
    r"|journaliste|r[ée]dac(?:teur|trice)|correspondant(?:e)?|chroniqueu(?:r|se)|periodista"
    r"|redactora?|corresponsal|giornalista|inviat[oa]|corrispondente|redattore|redattrice"
    r"|jornalista|rep[oó]rter|correspondente"
)
_JOB_MODIFIERS = (
    r"senior|chief|staff|contributing|special|deputy|associate|managing|executive|political"
    r"|sports?|business|foreign|bureau|assistant|freelance|guest|investigative|news|opinion"
    r"|local|city|metro|parish|town|county|data|digital|science|health"
)
_COLLECTIVE = re.compile(r"\b(?:staff|desk|bureau)$", re.I)
_JOB = re.compile(rf"\b(?:(?:{_JOB_MODIFIERS})\s+)*(?:{_JOB_NOUNS})\b", re.I)
# Words of a CJK byline: a bureau or a report's place ("北浜支局", "北京报道") is dropped whole, a
# title ("本报记者", "기자") is taken off the name it may be written against.
_CJK_BUREAU = re.compile(r"(?:支局|総局|总局|分社|报道|報道|電|电)$")
_CJK_TITLE = re.compile(
    r"本[报報]|特约|特約|记者|記者|기자|特派員|特派员|특파원|通讯员|通訊員|編集委員|编辑|編集"
)
_TITLED = re.compile(rf"^\S+(?:{_CJK_TITLE.pattern})$")
# A newsroom's desk or a senior writer's title ("社会部", "経済部", "編集委員", "論説委員").
_CJK_DESK = re.compile(
    r"(?:社会|経済|政治|国際|生活|文化|科学|運動|報道|地方|編集|写真|外信|外報|運動|学芸|くらし|スポーツ"
    r"|デジタル|映像|整理|调查|新闻|新聞)部$|委員$|(?:部|局|編集|社|室)長$|次長$"
    r"|^(?:デスク|キャップ|ジャーナリスト|ライター|カメラマン)$"
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_ORGANISATION = re.compile(
    rf"\b(?:inc|ltd|llc|plc|corp|corporation|gmbh|ag|s\.?a|co|company|group|news|press"
    rf"|media|wire|agency)\b\.?$|^(?:{AGENCIES})$",
    re.I,
)
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
# An agency, a desk or a broadcaster's unit named as the author ("Agencia Sur", "UKB Wales"), or
# a region set beside the author's name ("South-East Asia").
_DESK_OR_REGION = re.compile(
    r"^(?:(?i:agencia|agência|agence|agenzia|agentur|redacci[óo]n|redação|rédaction|redazione"
    r"|redaktion|newsroom|(?:north|south)(?:[- ]?(?:east|west))?|east|west)\b(?!\.))"
)
# A broadcaster's unit beside the author ("UKB Wales"): dropped only beside another name, as a
# family name in capitals leads a name alone ("KIM Minji", "DUPONT Jean").
_UNIT = re.compile(r"^[A-Z]{3,6}\s+(?=[A-Z][a-z])")
# A label glued to the name before it across elements: "Jane DoeVideo: John Roe".
_GLUED_LABEL = re.compile(
    r"(?<=[a-zà-ÿ])(?=(?:Video|Photos?|Fotos?|Pictures?|Images?|Camera|Graphics?|Illustrations?"
    r"|Edit(?:ing|ed by|or))\s*:)"
)
_INITIAL_END = re.compile(r"\s[A-ZÀ-Ý]\.$")  # "Matías Fuenzalida R.": a surname's initial
_AGENCY_TAIL = re.compile(rf"\s+(?:the\s+)?(?:{AGENCIES})$", re.I)
_NOT_A_NAME = frozenset(
    {"biography", "bio", "profile", "follow", "email", "e-mail", "contact", "more", "view",
     "share", "subscribe", "staff", "admin", "editorial", "redaktion", "rédaction", "redacción",
     "anonymous", "guest", "team"}
)  # fmt: skip
_PARTICLES = frozenset(
    {"van", "von", "de", "da", "del", "der", "den", "la", "le", "du", "dos", "das", "di", "al",
     "el", "bin", "ibn", "ter", "ten", "zu", "af", "st."}
)  # fmt: skip


def names_in(text: str) -> list[str]:
    """The names a byline's text holds, without labels, titles, dates, handles or agencies, and
    never the editor's of an editor's sign-off ("责任编辑：王磊", "Edited by ...")."""
    signed = signature_name(text.strip())
    if signed:
        return [signed]
    text = _SITE_FIRST.sub("", _GLUED_LABEL.sub(" | ", text.strip()))
    if is_photo_credit(text):
        return []  # "Фото: ...", "AA/Ayşe Demir": the picture's, never the article's
    text = _EDITOR.split(clean(text), maxsplit=1)[0]
    text = _SITE_FIRST.sub("", _LABEL.sub("", _NOT_NAMES.sub(" ", text)))
    end = _NAMES_END.search(text)
    text = text[: end.start()] if end else text
    return without_units([name for name in map(_name, _SEPARATORS.split(text)) if name])


def without_units(names: list[str]) -> list[str]:
    """Names less a broadcaster's unit set beside a person ("UKB Wales"); all of them when no
    person is left, as a family name in capitals may lead a name alone ("KIM Minji")."""
    people = [name for name in names if not _UNIT.match(name)]
    return people or names


def has_author_label(text: str) -> bool:
    """Whether a text opens with an author's label ("Penulis:", "Автор:", "Written by ...",
    "كتب - ...") or is one alone ("Written by", "كتب")."""
    return bool(_AUTHOR_LABEL.match(text) or _LABEL_ALONE.fullmatch(text))


def is_credits_line(text: str) -> bool:
    """Whether a short line credits the article's author or editor ("Reporter: ...", "Editor:
    ..."), as some pages close their text."""
    text = text.lstrip("（(【[ ")  # "（责任编辑：王磊）"
    return len(text) <= MAX_CREDITS_LINE and bool(_AUTHOR_LABEL.match(text) or _EDITOR.match(text))


def editor_names(text: str) -> list[str]:
    """The names an editor's sign-off gives ("Edited by John Roe", "责任编辑：王磊"): never an
    author's, wherever else they are read."""
    parts = _EDITOR.split(clean(text), maxsplit=1)
    return names_in(parts[1]) if len(parts) > 1 else []


def signature_name(text: str) -> str | None:
    """The name of an agency signature, spaced after its initial ("J.Barnes--TFWP" is
    "J. Barnes"); None for other text."""
    found = SIGNATURE.match(text)
    return f"{found['initial']}. {found['name'].strip()}" if found else None


def _name(part: str) -> str | None:
    """One part of a byline as a name, without the title, agency or words after it ("Jane Doe in
    Paris"); None when it is no name."""
    initial = bool(_INITIAL_END.search(part.rstrip(" :;-–—|/")))
    part = part.strip(" .:;-–—|/") + ("." if initial else "")
    if _CJK.search(part):
        return _cjk_name(part)
    job = _JOB.search(part)
    if job and _COLLECTIVE.search(job[0]):
        return None  # "Town Paper Staff", "Metro Desk": no person
    part = _AGENCY_TAIL.sub("", part[: job.start()] if job else part).strip(" ,")
    words = part.split()
    end = next((i for i, word in enumerate(words) if _ends_name(word)), None)
    name = " ".join(words[:end])
    return name if _is_name(name) else None


def _ends_name(word: str) -> bool:
    """Whether a word ends the name before it: a lower-case word that is no particle ("in",
    "for"), or a label ("Biography", "Follow")."""
    return (word[0].islower() and word not in _PARTICLES) or word.lower() in _NOT_A_NAME


def _cjk_name(part: str) -> str | None:
    """A Chinese, Japanese or Korean name without the title, desk and bureau words around it
    (a word ending in a title, "江城日报记者", is the paper's and the title's)."""
    part = part.strip("（）【】「」［］")
    spaced = part.replace("・", " ").replace("＝", " ")
    words = [word for word in spaced.split() if not _CJK_BUREAU.search(word)]
    words = [_CJK_TITLE.sub("", word) for word in words if not _TITLED.search(word)]
    name = " ".join(word for word in words if word and not _CJK_DESK.search(word))
    return name if 1 < len(name) <= 12 else None


def _is_name(text: str) -> bool:
    """Whether text reads as a person's name: a few capitalised words, no digits, no site, no
    organisation, no agency initials, no label."""
    words = text.split()
    if not 1 < len(words) <= MAX_WORDS or len(text) > MAX_NAME or any(c.isdigit() for c in text):
        return False
    if _ORGANISATION.search(text) or _ACRONYM.match(text) or text.casefold() in _NOT_A_NAME:
        return False
    if _DESK_OR_REGION.match(text):
        return False
    return not words[0].islower() and words[0].lower() != "the"
