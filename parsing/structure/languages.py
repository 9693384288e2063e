"""Spoken languages (never programming languages), as printed in the CV's own language."""

from __future__ import annotations

import re

from .text import Line, fold

# English name -> other spellings in the five CV languages (folded, accents removed).
LANGUAGE_NAMES: dict[str, tuple[str, ...]] = {
    "English": ("english", "anglais", "englisch", "ingles", "英语", "英文"),
    "French": ("french", "francais", "franzosisch", "frances", "法语", "法文"),
    "German": ("german", "allemand", "deutsch", "aleman", "德语", "德文"),
    "Spanish": ("spanish", "espagnol", "spanisch", "espanol", "castellano", "西班牙语"),
    "Chinese": (
        "chinese",
        "mandarin",
        "cantonese",
        "chinois",
        "chinesisch",
        "chino",
        "中文",
        "汉语",
        "普通话",
        "粤语",
    ),
    "Japanese": ("japanese", "japonais", "japanisch", "japones", "日语", "日文"),
    "Korean": ("korean", "coreen", "koreanisch", "coreano", "韩语"),
    "Russian": ("russian", "russe", "russisch", "ruso", "俄语"),
    "Ukrainian": ("ukrainian", "ukrainien", "ukrainisch", "ucraniano"),
    "Hebrew": ("hebrew", "hebreu", "hebraisch", "hebreo", "希伯来语"),
    "Arabic": ("arabic", "arabe", "arabisch", "阿拉伯语"),
    "Italian": ("italian", "italien", "italienisch", "italiano", "意大利语"),
    "Portuguese": ("portuguese", "portugais", "portugiesisch", "portugues", "葡萄牙语"),
    "Dutch": (
        "dutch",
        "neerlandais",
        "niederlandisch",
        "hollandisch",
        "holandes",
        "neerlandes",
        "flemish",
    ),
    "Polish": ("polish", "polonais", "polnisch", "polaco"),
    "Turkish": ("turkish", "turc", "turkisch", "turco"),
    "Hindi": ("hindi",),
    "Bengali": ("bengali", "bangla"),
    "Urdu": ("urdu",),
    "Punjabi": ("punjabi",),
    "Tamil": ("tamil",),
    "Telugu": ("telugu",),
    "Marathi": ("marathi",),
    "Gujarati": ("gujarati",),
    "Persian": ("persian", "farsi", "persan", "persisch", "persa"),
    "Greek": ("greek", "grec", "griechisch", "griego"),
    "Swedish": ("swedish", "suedois", "schwedisch", "sueco"),
    "Norwegian": ("norwegian", "norvegien", "norwegisch", "noruego"),
    "Danish": ("danish", "danois", "danisch", "danes"),
    "Finnish": ("finnish", "finnois", "finnisch", "finlandes"),
    "Czech": ("czech", "tcheque", "tschechisch", "checo"),
    "Slovak": ("slovak", "slovaque", "slowakisch", "eslovaco"),
    "Hungarian": ("hungarian", "hongrois", "ungarisch", "hungaro"),
    "Romanian": ("romanian", "roumain", "rumanisch", "rumano"),
    "Bulgarian": ("bulgarian", "bulgare", "bulgarisch", "bulgaro"),
    "Serbian": ("serbian", "serbe", "serbisch", "serbio"),
    "Croatian": ("croatian", "croate", "kroatisch", "croata"),
    "Vietnamese": ("vietnamese", "vietnamien", "vietnamesisch", "vietnamita"),
    "Thai": ("thai", "thailandais", "thailandisch", "tailandes"),
    "Indonesian": ("indonesian", "indonesien", "indonesisch", "indonesio", "bahasa"),
    "Malay": ("malay", "malais", "malaiisch", "malayo"),
    "Tagalog": ("tagalog", "filipino"),
    "Swahili": ("swahili",),
    "Catalan": ("catalan", "katalanisch", "catala"),
    "Basque": ("basque", "baskisch", "vasco", "euskera"),
    "Galician": ("galician", "galicien", "gallego"),
    "Latin": ("latin", "latein", "latin"),
    "Amharic": ("amharic",),
    "Yoruba": ("yoruba",),
    "Afrikaans": ("afrikaans",),
    "Albanian": ("albanian", "albanais", "albanisch"),
    "Armenian": ("armenian", "armenien", "armenisch"),
    "Georgian": ("georgian", "georgien", "georgisch"),
    "Lithuanian": ("lithuanian", "lituanien", "litauisch"),
    "Latvian": ("latvian", "letton", "lettisch"),
    "Estonian": ("estonian", "estonien", "estnisch"),
    "Slovenian": ("slovenian", "slovene", "slowenisch"),
    "Icelandic": ("icelandic", "islandais", "islandisch"),
    "Irish": ("irish", "gaelic"),
    "Welsh": ("welsh", "gallois", "walisisch"),
    "Esperanto": ("esperanto",),
    "Sign Language": ("sign language", "asl", "langue des signes", "gebardensprache"),
}
_SURFACE_TO_NAME = {s: name for name, surfaces in LANGUAGE_NAMES.items() for s in surfaces}
_ASCII = sorted((s for s in _SURFACE_TO_NAME if s.isascii()), key=len, reverse=True)
_CJK = sorted((s for s in _SURFACE_TO_NAME if not s.isascii()), key=len, reverse=True)
_LANG_RE = re.compile(
    r"(?<![\w-])(" + "|".join(map(re.escape, _ASCII)) + r")(?![\w-])|(" + "|".join(_CJK) + ")"
)
LEVEL_RE = re.compile(
    r"\b(?:native|mother tongue|fluent|bilingual|proficient|advanced|intermediate|basic|beginner|"
    r"conversational|professional working|elementary|[abc][12]|langue maternelle|maternelle|courant|"
    r"bilingue|notions|muttersprache|fliessend|fließend|verhandlungssicher|grundkenntnisse|"
    r"nativo|lengua materna|fluido|basico|avanzado|intermedio|母语|流利|熟练|良好|cet|ielts|toefl)\b",
    re.IGNORECASE,
)


def _printed(text: str, start: int, end: int) -> str:
    word = text[start:end]
    return word[:1].upper() + word[1:] if word.isascii() else word


def languages_in(text: str) -> list[tuple[str, str]]:
    """(printed name, English name) for each spoken language named in ``text``."""
    folded = fold(text)
    same = len(folded) == len(text)
    out = []
    for match in _LANG_RE.finditer(folded):
        surface = match.group(0)
        english = _SURFACE_TO_NAME[surface]
        printed = _printed(text, *match.span()) if same else surface.capitalize()
        out.append((printed, english))
    return out


def parse_languages(section_lines: list[Line], all_lines: list[Line]) -> list[str]:
    found: list[tuple[str, str]] = []
    for line in section_lines:
        found += languages_in(line.flat)
    if not found:
        # No languages section: a line naming two languages, or one with a level.
        for line in all_lines:
            names = languages_in(line.flat)
            if (len(names) >= 2 and len(line.flat.split()) <= 25) or (
                names and LEVEL_RE.search(line.flat) and len(line.flat.split()) <= 12
            ):
                found += names
    result: list[str] = []
    seen: set[str] = set()
    for printed, english in found:
        if english not in seen:
            seen.add(english)
            result.append(printed)
    return result


def has_spoken_language(text: str) -> bool:
    return bool(languages_in(text))
