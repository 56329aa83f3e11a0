"""Photo credits as news pages write them, in many languages: told apart from the caption they
close ("... on Tuesday. Photo: Jane Doe/AFP", "... el jueves. (foto Ana Ruiz)",
"...。記者王小明／攝影", "...＝山田太郎撮影") and reported as written, less a label written
without a colon or equals sign ("Credit...", "Illustration by", "foto", "图/", "記者 ... 攝影"),
the labels of many languages ("Crédito:", "Kép:", "Gambar"), and rights or licensing words after
the name ("© City Council", "/File Photo Purchase Licensing Rights")."""

from __future__ import annotations

import re

MAX_CREDIT = 80  # characters of a credit
_OPENING = {"(": ")", "（": "）", "[": "]", "［": "］"}  # brackets a credit may be written in
AGENCIES = (
    r"AP|AFP|Reuters|REUTERS|Getty(?: Images)?|EPA(?:-EFE)?|EFE|Shutterstock|PA(?: Images| Wire"
    r"| Media)?|Bloomberg|dpa|DPA|Alamy|ANP|ANSA|Xinhua|Kyodo|Yonhap|Anadolu|SIPA|Sipa|ZUMA|Zuma"
    r"|NurPhoto|Imago|IMAGO|Keystone|NTB|Ritzau|Lusa|Europa Press|AAP|Canadian Press"
    r"|Associated Press|Agence France-Presse|iStock|Unsplash|Wikimedia Commons|Belga|APA|TT"
    r"|Ansa|LaPresse|Lapresse|Fotogramma|Imagoeconomica|IPA|AGF|Efe|Lehtikuva|STT|Scanpix"
    r"|Eurokinissi|EUROKINISSI|INTIME|ΑΠΕ-ΜΠΕ|ČTK|CTK|MTI|PAP|TASR|BTA|Agerpres|AGERPRES"
    r"|Inquam|HINA|Tanjug|STA|Jiji|JIJI|ANTARA|Antara|Bernama|PTI|IANS|ANI|Ritzau Scanpix"
    r"|共同|時事|新华社|新華社|中新社|中央社|연합뉴스|뉴시스|뉴스1"
    r"|رويترز|الأناضول|فرانس برس|أسوشيتد برس|واس|وام|قنا|كونا|بترا"
)
_AGENCY = re.compile(rf"(?<![\w-])(?:{AGENCIES})(?![\w-])")
_CJK_SHOT = r"攝影|摄影|攝|摄|撮影"
# What starts a credit: "Photo:", "Photo by", "Illustration by", "Credit...", "Courtesy of", "©",
# Italian "foto Ana Ruiz", and the Chinese, Japanese and Korean labels ("写真：", "图/", "사진=").
# Labels of a credit that say no more than "photo", "credit" or "source", in Russian, Turkish,
# Vietnamese, Czech, Polish, Arabic ("photography", "source", "the picture") and Hebrew, and
# "Photo credit:", "Courtesy:" and the Polish "Fot.": reported without them.
# Finnish "Kuva:", Greek "ΦΩΤΟ:", German "Quelle:" and their kin, and "Photo / Jane Doe" as
# New Zealand papers write it: reported without the label as well.
# "Picture", "illustration", "graphic", "credit" and "source" in Spanish, Portuguese, French,
# Italian, German, Dutch, the Nordic languages, Malay and Indonesian, Tagalog, Romanian,
# Hungarian, Croatian and Ukrainian, and English "Illustration": dropped before a colon or pipe.
_WORLD_LABELS = (
    r"cr[ée]dit(?:o|s|os)?(?:\s+(?:photos?|de\s+la\s+foto|da\s+foto|fotografico))?|kredit"
    r"|fotograf[ií]a|fotografie|imagen|imagem|immagine|ilustraci[óo]n|ilustra[çc][ãa]o"
    r"|illustrations?|illustrazione|illustratie|illustrasjon|ilustrasi|ilustra[țţt]ie"
    r"|illusztr[áa]ci[óo]|ilustracija|ілюстрація|gr[áa]fico|graphique|grafiek|grafika?"
    r"|infograf[íi]a|infographie|abbildung|beeld|afbeelding|billede|bilde|gambar|sumber"
    r"|larawan|litrato|pinagmulan|sursa|sursă|fotó|kép|forrás|slika|izvor|зображення|джерело"
    r"|source|fonte"
)
# Where such a label may stand: first, or after a sentence, a bracket or a separator (never inside
# a sentence: "The source: a leaked memo").
_OPENS = r"(?:(?<![\s\S])|(?<=[.!?»”)(\[|/–—-]\s)|(?<=[.!?»”)(\[|/–—-]))"
_OTHER_LABELS = (
    r"(?<!\w)(?:(?:фото|fotoğraf|ảnh|zdroj|kaynak|źródło|تصوير|المصدر|مصدر|الصورة|צילום|kuva"
    r"|kuvat|lähde|φωτο|φωτ\."
    r"|φωτογραφία|πηγή|quelle|bildquelle|fotoquelle|bron|kilde|källa|fuente|fonte|zdjęcie|snímek"
    r"|图片来源|圖片來源|图源|圖源|来源|來源|출처"
    rf"|(?:photo|image|picture)\s+credits?|courtesy|{_OPENS}(?:{_WORLD_LABELS}))\s*[:：|]\s*"
    r"|fot\.\s*"
    r"|(?:photo(?:graph)?|image|picture|graphic|video)s?\s+/\s+(?=\w))"
)
# "Photo by" in German, Italian, Spanish, French, Dutch and the Nordic languages, as Unsplash
# words its credit ("Foto von Jane Doe auf Unsplash", "Photo de Jean Roe sur Unsplash").
_PHOTO_OF = r"(?:photo|foto|bild)\s+(?:von|di|de|du|door|av|af|par|por)\s+(?-i:(?=[A-ZÀ-Ý]))"
# Rights and licensing words after the name: "Jane Doe © City Council", "Jane Doe/Reuters/File
# Photo Purchase Licensing Rights".
_RIGHTS_TAIL = re.compile(
    r"(?:\s*/\s*(?:file|archive|handout)\s+photo)?\s*purchase\s+licensing\s+rights$"
    r"|\s*/\s*(?:file|archive)\s+photo$|(?<=\w)\s+©\s*[^/©]{2,60}$",
    re.I,
)
# An archive marker before the credit: "... el lunes. Archivo | EFE".
_ARCHIVE_MARK = re.compile(
    r"(?:^|(?<=[.!?»”)]))\s*(?:archivo|arquivo|archives?|archiv|arkiv|arsip|file)$", re.I
)
# A rights notice before the name: "Copyright 2025 The Herald. All rights reserved. / Jane Doe".
_RIGHTS = re.compile(
    r"^(?:©|\(c\)|copyright\b)[^/]{0,80}?all rights reserved\.?\s*(?:/\s*|[|–—-]\s+)?", re.I
)
_LABEL = (
    r"(?:(?:photo(?:graph)?s?|image|picture|pic|credits?|foto|fotos|bild|crédits?|graphics?"
    r"|infographic|video)\s*:"
    r"|credits?\s*(?:\.{2,}|…)"
    r"|(?:photo(?:graph)?|image|picture|pic|illustration|graphic|video|animation)s?\s+by\b"
    r"|(?:photo|image|picture|pic)s?\s+courtesy\b|courtesy\b|©|\(c\)|copyright\b"
    rf"|(?-i:(?:[Ff]oto|FOTO|[Gg]ambar|GAMBAR)\s+(?=[A-ZÀ-Ý]))|{_PHOTO_OF}|{_OTHER_LABELS}"
    r"|(?:写真|사진|图片|圖片|图|圖|照片|攝影|摄影)\s*[:：=＝／/])"
)
_CREDIT_MARK = re.compile(_LABEL, re.I)
_ANY_LABEL = re.compile(rf"(?:^|(?<=\s)){_LABEL}", re.I)
_COLON_LABEL = re.compile(r"^(?:photo(?:graph)?s?|image|picture|pic|foto|fotos|bild)\s*:\s*", re.I)
# A label that is dropped from the credit: any but those written with a colon or equals sign.
_DROPPED_LABEL = re.compile(
    rf"^(?:credits?\s*(?:\.{{2,}}|…)\s*|(?:\w+\s+)?by\s+|{_PHOTO_OF}"
    r"|(?-i:[Ff]oto|FOTO|[Gg]ambar|GAMBAR)\s+"
    rf"|{_OTHER_LABELS}"
    r"|(?:图片|圖片|图|圖|照片|攝影|摄影)\s*[／/]\s*|사진\s+(?=\S))",
    re.I,
)
# The Chinese and Japanese forms naming the photographer around the name: "记者王磊／攝影",
# "(本报记者 李明 摄)", "王磊／攝", "＝山田太郎撮影" (after a place: "＝東京都内、山田太郎撮影").
_SHOT_BY = re.compile(
    r"^[＝=]?(?:(?:本[报報]|[^\s、，,]{1,4}社)?(?:记者|記者|通讯员|通訊員))?\s*(?:[^、，,]*[、，,]\s*)*"
    rf"(?P<name>[^\s、，,／/][^、，,／/]*?)\s*[／/]?\s*(?:{_CJK_SHOT})$"
)
_CJK_CREDIT = re.compile(
    r"^(?P<caption>.+?)\s*(?P<credit>[（(［\[]?(?:(?:本[报報]|[^\s。（）()]{1,4}社)?(?:记者|記者|通讯员|通訊員)"
    rf"\s*[^。（）()]{{1,12}}?\s*[／/]?\s*(?:{_CJK_SHOT})|[^\s。（）()]{{2,12}}(?:\s*[／/]\s*|\s+)(?:{_CJK_SHOT}"
    r"|提供)|(?:＝|(?<=[、，,\s]))[^＝=、，,。\s]{1,20}?(?:撮影|提供)|(?:图片|圖片|图|圖|照片)\s*[／/:：]\s*[^。（）()]{1,30})[）)］\]]?)$"
)
# "... 있다. 서울시 제공": a Korean credit, "provided by", after the caption's full stop.
_KOREAN_PROVIDED = re.compile(
    r"^(?P<caption>.+[.!?。])\s*[(\[（［]?(?P<credit>[^.!?。()\[\]（）［］]{2,30}?\s*제공)[)\]）］]?\.?$"
)
# "... on Monday | REUTERS / JANE DOE": the first pipe parts the caption from its credit.
_PIPED = re.compile(r"^(?P<caption>.+?)\s+\|\s+(?P<credit>[^|]{2,80})$")
_SEPARATED = re.compile(r"^(?P<caption>.+)\s[/|–—]\s?(?P<credit>.{1,80})$")
_PARENTHESISED = re.compile(
    r"^(?P<caption>.+?)\s*[(（\[［](?P<credit>[^()（）\[\]［］]{1,80})[)）\]］]\.?$"
)
# "... on Monday —JUAN DELA CRUZ": a photographer in capitals after an em dash, as Philippine
# dailies print it.
_DASHED_NAME = r"—\s?[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+(?:\s[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+){1,3}"
_DASHED_CAPS = re.compile(rf"^(?P<caption>.+?)\s*(?P<credit>{_DASHED_NAME})$")
_DASHED_ALONE = re.compile(rf"^{_DASHED_NAME}$")
_MARKED = re.compile(rf"^(?P<caption>.*?)\s*(?P<credit>{_LABEL}.{{0,80}})$", re.I)
_TAIL = re.compile(r"^(?P<caption>.+[.!?])\s+(?P<credit>[^.!?]{1,60})$")
# A site's address as a credit's source: "PAPER.EXAMPLE/Jane Doe", "Paper.com/Jane Doe".
SITE_ADDRESS = r"[A-Za-z0-9][\w-]*(?:\.[A-Za-z][\w-]*)+"
# "... in Brussels REUTERS/Jane Doe": an agency in capitals (or the site's address), a slash and
# the photographer.
_AGENCY_SLASH = re.compile(
    rf"^(?P<caption>.+?)\s+(?P<credit>(?:[A-Z][A-Z&-]{{1,15}}|{SITE_ADDRESS})\s?/\s?[^/]{{2,60}})$"
)
# "... on Monday. JANE ROE / AFP": the photographer's name before the slash and the agency.
_PHOTOGRAPHER_SLASH = re.compile(
    r"^(?P<caption>.+[.!?)»”])\s+(?P<credit>(?:[A-Z][\w'’.-]*\s){1,4}/\s[^/]{2,40})$"
)
_AGENCY_FIRST = re.compile(rf"^(?:{AGENCIES}|[A-ZΑ-Ω][A-ZΑ-Ω&.-]{{1,15}})\s*/\s*\S")
_CREDIT_FORMS = (
    _DASHED_CAPS, _CJK_CREDIT, _KOREAN_PROVIDED, _PHOTOGRAPHER_SLASH, _PIPED, _SEPARATED,
    _PARENTHESISED, _MARKED, _TAIL, _AGENCY_SLASH
)  # fmt: skip
_COUNTER = re.compile(r"\d{1,3}\s*(?:/|of|von|de|di|sur|из)\s*\d{1,3}", re.I)  # "1 / 4"
_EDGE_COUNTER = re.compile(rf"^{_COUNTER.pattern}(?!\d)\s*|(?<!\d)\s*{_COUNTER.pattern}$", re.I)
# "서울시 제공", "市政府提供": a credit that says who provided the picture.
_PROVIDED = re.compile(r"^[^\s.。].{0,28}?\s*(?:제공|提供)$")
_NAME_SLASH_NAME = re.compile(r"^[\w .'’-]{2,40}/[\w .'’-]{2,40}$")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")  # an agency's initials alone: "(TFWP)"
# A person's name alone, as a credit element beside the agency's writes it ("Mònica Torres").
_PARTICLES = r"(?:van|von|de|da|del|der|den|di|du|la|le|dos|das|ter|ten|al|el|bin|y)"
_PERSON = re.compile(rf"^[A-ZÀ-Ý][\w'’.-]*(?:\s(?:{_PARTICLES}\s){{0,2}}[A-ZÀ-Ý][\w'’.-]*){{1,3}}$")


def split_credit(text: str) -> tuple[str | None, str | None]:
    """Split "caption / Photo: © AFP", "caption (Reuters)" or "caption. Jane Doe/AP" in two (a
    gallery's slide counter, "1 / 4", left out)."""
    text = _EDGE_COUNTER.sub("", text).strip() or text
    for pattern in _CREDIT_FORMS:
        match = pattern.match(text)
        if match and looks_like_credit(match["credit"]):
            caption = match["caption"].rstrip(" /|–—-:，,、").strip()
            caption = _ARCHIVE_MARK.sub("", caption).strip()
            return caption or None, unwrapped(match["credit"])
    return text, None


def closes_with_credit(text: str) -> bool:
    """Whether a text ends in a credit no sentence could be taken for: a label, "Name/Agency",
    an agency in brackets, a Chinese or Japanese photographer's form."""
    for pattern in _CREDIT_FORMS:
        match = pattern.match(text)
        if match and _plainly_credit(match["credit"]):
            return True
    return _plainly_credit(text)


def _plainly_credit(text: str) -> bool:
    """Whether a text is a credit by its form alone (not by an agency named inside a phrase)."""
    bare = text.strip().strip("()[]（）［］").strip()
    plain = _CREDIT_MARK.match(bare) or _NAME_SLASH_NAME.match(bare) or _SHOT_BY.match(bare)
    return bool(plain or names_agency(bare)) and len(bare) <= MAX_CREDIT


def looks_like_credit(text: str) -> bool:
    """Whether a short text reads as a photo credit: a label, an agency or "Name/Agency"."""
    text = text.strip().strip("()[]（）［］").strip()
    marked = _CREDIT_MARK.match(text) or _AGENCY.search(text) or _NAME_SLASH_NAME.match(text)
    shot = _SHOT_BY.match(text) or _ACRONYM.match(text) or _AGENCY_FIRST.match(text)
    shot = shot or _PROVIDED.match(text) or _DASHED_ALONE.match(text)
    if _COUNTER.fullmatch(text):
        return False
    return bool(marked or shot) and len(text) <= MAX_CREDIT


def is_photo_credit(text: str) -> bool:
    """Whether a text is a picture's credit by its form: a credit's label first ("Фото:",
    "Photo by"), or an agency and a slash ("AA/Ayşe Demir", "REUTERS/Jane Doe")."""
    text = text.strip()
    return starts_with_label(text) or bool(_AGENCY_FIRST.match(text))


def starts_with_label(text: str) -> bool:
    """Whether a text opens with a credit's label ("Credit...", "Foto:", "사진=", "©")."""
    return bool(_CREDIT_MARK.match(text.strip()))


def is_label_alone(text: str) -> bool:
    """Whether a credit is its label alone, the name left in another element or attribute
    ("Fot.", "Photo:")."""
    return bool(_CREDIT_MARK.fullmatch(text.strip()))


def is_credit_shaped(text: str) -> bool:
    """Whether a short text is a credit by its shape alone, never a dateline in capitals: a
    label first, "Name/Agency" or a known agency's name ("Jane Doe/Reuters", "AFP")."""
    bare = text.strip().strip("()[]（）［］").strip()
    shaped = _CREDIT_MARK.match(bare) or _NAME_SLASH_NAME.match(bare) or _AGENCY.fullmatch(bare)
    return bool(shaped) and len(bare) <= MAX_CREDIT


def names_agency(text: str) -> bool:
    """Whether a short text is an agency's name, alone or in brackets ("(EFE)", "AFP")."""
    bare = text.strip().strip("()[]（）［］").strip()
    return bool(_AGENCY.fullmatch(bare) or _ACRONYM.match(bare))


def is_person(text: str) -> bool:
    """Whether a short text is a person's name alone, as a photographer's credit gives it."""
    return bool(_PERSON.match(text.strip()))


def unwrapped(credit: str | None) -> str | None:
    """A credit without surrounding brackets, separators or a label written without a colon."""
    if not credit:
        return None
    credit = _unbracketed(credit.strip()).lstrip("/|–— ＝=").strip()
    credit = _RIGHTS.sub("", credit, count=1).strip() or credit
    credit = _RIGHTS_TAIL.sub("", credit, count=1).strip() or credit
    while (unlabelled := _DROPPED_LABEL.sub("", credit, count=1).strip()) not in {credit, ""}:
        credit = unlabelled
    second = _COLON_LABEL.sub("", credit, count=1)
    if second != credit and _DROPPED_LABEL.match(second):  # "Bild: Quelle: dpa"
        return unwrapped(second)
    shot = _SHOT_BY.match(credit)
    return _once(shot["name"].strip() if shot else credit) or None


def _once(credit: str) -> str:
    """A credit written twice, its label between ("新华社 图片来源：新华社"), once."""
    parts = [part.strip(" ,;|/") for part in _ANY_LABEL.split(credit)]
    written = [part for part in parts if part]
    return written[0] if len(written) > 1 and len(set(written)) == 1 else credit


def _unbracketed(text: str) -> str:
    """A text without the brackets around the whole of it ("(EFE)", "（本报记者 李明 摄）")."""
    while len(text) > 1 and text[0] in _OPENING and text[-1] == _OPENING[text[0]]:
        inner = text[1:-1]
        if any(mark in inner for mark in "()（）[]［］"):
            break
        text = inner.strip()
    return text
