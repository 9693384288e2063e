"""Name, e-mail, phone (normalised with ``phonenumbers``), location and profile links.

Contact details are looked for in the header (the lines before the first section), then
in a contact section, then anywhere (moderncv prints them in the page footer).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

import phonenumbers

from matching.skills import entry as skill_entry

from .languages import languages_in
from .sections import Section, heading_of
from .text import Line, fold, has_cjk

EMAIL_RE = re.compile(r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL_RE = re.compile(
    r"(?:(?:https?://|www\.)[^\s<>\"'|,;]+|"
    r"\b(?:[a-z0-9-]+\.)*(?:linkedin\.com|github\.com|gitlab\.com|bitbucket\.org|github\.io|"
    r"twitter\.com|x\.com|medium\.com|behance\.net|dribbble\.com|stackoverflow\.com|orcid\.org|"
    r"xing\.com|kaggle\.com|weibo\.com|gitee\.com)/?[^\s<>\"'|,;]*)",
    re.IGNORECASE,
)
BARE_DOMAIN_RE = re.compile(
    r"(?<![@\w.])((?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|me|info|co|app|page|site|tech|xyz|blog|"
    r"fr|de|es|ch|uk|cn|eu|us|ca|nl|be|it)(?:/[^\s|,;]*)?)(?![\w@])",
    re.IGNORECASE,
)
# A phone-like run: digits with the usual separators, optionally a leading + or (+cc), and
# trailing placeholder x's or *'s (templates print "131-221-87xxx" or "135********").
PHONE_RE = re.compile(r"(?:\(\+?\d{1,4}\)\s?|\+\s?)?\(?\d[\d\s().\-/‐–]{5,}[\dxX*]*\d?[xX*]*")
PHONE_LABEL_RE = re.compile(
    r"\b(?:phone|tel|telephone|mobile|mob|cell|handy|telefon|telefono|movil|portable|"
    r"t\u00e9l|tél|fon|whatsapp)\b|电话|手机|联系电话",
    re.IGNORECASE,
)
_YEAR_RANGE_RE = re.compile(r"^\s*(?:19|20)\d\d\s*[-–/]\s*(?:(?:19|20)\d\d|\d\d)\s*$")
_DATE_RE = re.compile(
    r"^\s*(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d|(?:19|20)\d\d[./-]\d{1,2}[./-]\d{1,2})\s*$"
)
_NAME_LABEL_RE = re.compile(
    r"^(?:name|full name|nom|nom complet|vorname und name|name und vorname|nombre|nombre completo|"
    r"姓\s*名)\s*[:：]\s*(.+)$",
    re.IGNORECASE,
)
_LOCATION_LABEL_RE = re.compile(
    r"^(?:location|address|city|residence|based in|adresse|ville|lieu|wohnort|anschrift|"
    r"direcci[oó]n|ubicaci[oó]n|ciudad|domicilio|地址|现居|所在地|居住地)\s*[:：]\s*(.+)$",
    re.IGNORECASE,
)
_US_STATE_RE = re.compile(
    r"\b[A-Z][A-Za-z.'\- ]{1,30}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30})?,\s*"
    r"(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|"
    r"N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])\b(?:\s+\d{5})?(?:,\s*[A-Z][A-Za-z ]+)?"
)
_CITY_COUNTRY_RE = re.compile(r"^(?:\d+[\w ]*\s)?[A-Z][\w.'’\- ]+(?:,\s*[A-Z0-9][\w.'’\- ]+){1,3}$")
COUNTRIES = {
    "usa",
    "united states",
    "united states of america",
    "us",
    "uk",
    "united kingdom",
    "england",
    "canada",
    "france",
    "germany",
    "deutschland",
    "spain",
    "espana",
    "españa",
    "mexico",
    "méxico",
    "china",
    "india",
    "israel",
    "japan",
    "korea",
    "south korea",
    "republic of korea",
    "s.korea",
    "switzerland",
    "suisse",
    "schweiz",
    "italy",
    "netherlands",
    "belgium",
    "austria",
    "österreich",
    "ireland",
    "portugal",
    "brazil",
    "argentina",
    "colombia",
    "chile",
    "peru",
    "australia",
    "new zealand",
    "singapore",
    "russia",
    "ukraine",
    "poland",
    "sweden",
    "norway",
    "denmark",
    "finland",
    "greece",
    "turkey",
    "egypt",
    "nigeria",
    "south africa",
    "kenya",
    "pakistan",
    "vietnam",
    "philippines",
    "indonesia",
    "malaysia",
    "thailand",
    "taiwan",
    "hong kong",
}
_NOT_NAME_WORDS = {
    "curriculum",
    "vitae",
    "resume",
    "résumé",
    "cv",
    "lebenslauf",
    "profile",
    "contact",
    "engineer",
    "developer",
    "manager",
    "summary",
    "objective",
    "page",
    "email",
    "phone",
    "address",
    "experience",
    "education",
    "skills",
    "www",
    "http",
    "https",
    "linkedin",
    "github",
    "mobile",
    "tel",
    "bewerbung",
    "anschreiben",
    "sehr",
    "dear",
    "seeking",
    "university",
    "universite",
    "universitat",
    "universidad",
    "college",
    "school",
    "institute",
    "academy",
    "bank",
    "inc",
    "inc.",
    "ltd",
    "llc",
    "gmbh",
    "company",
    "corp",
    "group",
    "solutions",
    "technologies",
    "services",
    "department",
    "street",
    "road",
    "avenue",
    "job",
    "applied",
    "information",
    "personal",
    "references",
    "languages",
    "projects",
    "research",
}
_NAME_TOKEN_RE = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+|[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’\-]+|[A-Z]\.|[a-z]{1,3}|(?:Mc|Mac|O')[A-Z][a-z]+)$"
)
_REGION_BY_LANGUAGE = {"en": "US", "fr": "FR", "de": "DE", "es": "ES", "zh": "CN"}


@dataclass
class Contact:
    name: str = ""
    email: str = ""
    phone: str = ""
    phone_raw: str = ""
    location: str = ""
    linkedin: str = ""
    github: str = ""
    portfolio: str = ""
    links: list[str] = field(default_factory=list)


def _collapse_letter_spacing(text: str) -> str:
    # "J O H N   D O E" -> "JOHN DOE"
    if re.fullmatch(r"(?:\S ){2,}\S(?:\s{2,}(?:\S ){1,}\S)*", text.strip()):
        return re.sub(r"\s{2,}", "\u0000", text.strip()).replace(" ", "").replace("\u0000", " ")
    return text


def looks_like_name(text: str) -> bool:
    text = text.strip()
    if not text or len(text) > 50 or any(ch.isdigit() for ch in text) or "@" in text:
        return False
    if has_cjk(text):
        core = re.sub(r"\s+", "", text)
        return 2 <= len(core) <= 5 and all("\u3400" <= c <= "\u9fff" for c in core)
    words = text.replace(",", " ").split()
    if not 2 <= len(words) <= 4:
        return False
    if {fold(w).strip(".:") for w in words} & _NOT_NAME_WORDS:
        return False
    if (
        heading_of(text)
        or languages_in(text)
        or any(_is_tech_skill(w) for w in words)
        or skill_entry(text)
    ):
        return False  # "English Upper Intermediate", "React Icon"
    return all(_NAME_TOKEN_RE.match(w) for w in words) and sum(w[0].isupper() for w in words) >= 2


def _is_tech_skill(word: str) -> bool:
    """A word that is unambiguously a technology ("React", "Kubernetes"), never a name."""
    found = skill_entry(word)
    return found is not None and not found.ambiguous and found.category not in {"soft", "domain"}


def _titlecase_if_caps(text: str) -> str:
    if text.isupper() and not has_cjk(text):
        return " ".join(w.capitalize() if len(w) > 2 or not w.endswith(".") else w for w in text.split())
    return text


_HONORIFIC_RE = re.compile(
    r"^(?:dr|prof|mr|mrs|ms|mx|mme|mlle|herr|frau|sr|sra|dipl\.?-?\s?ing)\.?\s+", re.IGNORECASE
)
_CJK_NAME_GENDER_RE = re.compile(r"([\u4e00-\u9fff]{2,4})\s*[/|，,、]\s*[男女]")


def _is_location_line(text: str) -> bool:
    text = text.strip()
    if _US_STATE_RE.fullmatch(text):
        return True
    pieces = [fold(p.strip()) for p in text.split(",")]
    return len(pieces) >= 2 and (pieces[-1] in COUNTRIES or pieces[0] in COUNTRIES)


def find_name(header: list[Line], all_lines: list[Line], email_local: str = "") -> str:
    for line in all_lines[:60]:
        gender = _CJK_NAME_GENDER_RE.search(line.flat)
        if gender:
            return gender.group(1)
    for line in all_lines[:80]:
        label = _NAME_LABEL_RE.match(line.flat.strip())
        if label and looks_like_name(label.group(1).split("\t")[0]):
            return label.group(1).strip()
    candidates = header[:8] if header else []
    candidates += [line for line in all_lines[:12] if line not in candidates]
    if len(re.sub(r"[^a-z]", "", fold(email_local))) >= 4:
        # The line whose words spell the e-mail's local part ("janedoe", "jane.doe") is the
        # name, wherever a sidebar put it.
        squashed_email = re.sub(r"[^a-z]", "", fold(email_local))
        for line in all_lines[:60]:
            cell = _HONORIFIC_RE.sub("", _collapse_letter_spacing(line.cells[0]).strip(" ,|"))
            if looks_like_name(cell) and not _is_location_line(cell):
                letters = re.sub(r"[^a-z]", "", fold(cell))
                if len(letters) >= 4 and (letters in squashed_email or squashed_email in letters):
                    return _titlecase_if_caps(cell)
    for line in candidates:
        for cell in line.cells[:2]:
            if _is_location_line(cell):
                continue
            # "Jane Smith | Software Engineer" or "Name, Title": the name is the first part.
            for part in [*re.split(r"\s[|·•—–]\s|,\s", cell)[:1], cell]:
                part = _collapse_letter_spacing(part).strip(" ,|")
                part = _HONORIFIC_RE.sub("", part)
                if looks_like_name(part):
                    return _titlecase_if_caps(part)
    return ""


def _links(text: str) -> list[str]:
    found: list[str] = []
    for match in URL_RE.finditer(text):
        url = match.group(0).rstrip(".,;:)]}")
        url = re.sub(r"^(?:mailto|tel):", "", url)
        found.append(url)
    if not found:
        for match in BARE_DOMAIN_RE.finditer(text):
            url = match.group(1).rstrip(".,;:)")
            # Not an e-mail's domain, not a file name.
            if re.search(r"\.(?:pdf|docx?|png|jpe?g)$", url, re.IGNORECASE):
                continue
            found.append(url)
    return found


_NETWORK_URLS = {
    "linkedin": "linkedin.com/in/",
    "github": "github.com/",
    "gitlab": "gitlab.com/",
    "twitter": "twitter.com/",
    "x": "x.com/",
    "xing": "xing.com/profile/",
    "stackoverflow": "stackoverflow.com/users/",
    "medium": "medium.com/@",
}


def _profile_pairs(lines: list[Line]) -> list[str]:
    """Profiles printed as a handle above the network's name ("johndoe" / "LinkedIn")."""
    out = []
    for prev, line in itertools.pairwise(lines):
        network = fold(line.flat).strip(" :")
        handle = prev.flat.strip()
        if (
            network in _NETWORK_URLS
            and re.fullmatch(r"@?[\w.-]{2,40}", handle)
            and fold(handle) not in _NETWORK_URLS
        ):
            out.append(_NETWORK_URLS[network] + handle.lstrip("@"))
    return out


def _canonical_url(url: str) -> str:
    return url if re.match(r"^https?://", url, re.IGNORECASE) else "https://" + url


def _handle_links(text: str) -> list[str]:
    """Profiles printed as a label and a handle: "GitHub: @name", "LinkedIn: /in/name"."""
    out = []
    for site, pattern in (
        ("github.com/", r"\bgithub\s*[:：]\s*@?([A-Za-z0-9][\w-]{1,38})\b(?![.:/])"),
        ("linkedin.com/in/", r"\blinkedin\s*[:：]\s*(?:/in/|in/|@)?([A-Za-z0-9][\w-]{2,99})\b(?![.:/])"),
    ):
        for match in re.finditer(pattern, text, re.IGNORECASE):
            handle = match.group(1)
            if fold(handle) in {"com", "www", "profile", "https", "http", "github", "linkedin"}:
                continue
            out.append(site + handle)
    return out


def normalise_phone(raw: str, *, region: str | None = None) -> str:
    """International format ("+1 555-123-4567") when ``phonenumbers`` can read the number,
    else the printed text with stray spaces tidied (placeholders like "87xxx" stay as
    printed: they are what the document says, and inventing digits would be worse)."""
    printed = re.sub(r"\s+", " ", raw).strip(" -./")
    if re.search(r"[xX*]", printed):
        return printed
    for attempt_region in ([region] if region else []) + ["US"]:
        try:
            number = phonenumbers.parse(printed, attempt_region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    # Possible but not valid (fictional 555 numbers, "+00" templates): keep what was printed.
    return printed


def to_e164(raw: str, *, region: str | None = None) -> str | None:
    try:
        number = phonenumbers.parse(raw, region or "US")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


_PLACEHOLDER_PHONE_RE = re.compile(r"(?:\(\+?\d{1,4}\)\s?|\+\s?)?\d[\d\s().\-]*[xX*]{3,}")


def _phone_candidates(text: str) -> list[str]:
    out = []
    if PHONE_LABEL_RE.search(text) or "phone" in text.lower():
        out += [
            m.group(0).strip()
            for m in _PLACEHOLDER_PHONE_RE.finditer(text)
            if len(re.sub(r"\D", "", m.group(0))) >= 3
        ]
    for match in PHONE_RE.finditer(text):
        raw = match.group(0).strip(" -–./").rstrip("( ")
        if re.match(r"^\d{5}\s+\(", raw):
            raw = raw[5:].strip()  # a postcode glued to "(555) 123-4567"
        digits = re.sub(r"\D", "", raw)
        placeholders = len(re.findall(r"[xX*]", raw))
        if _YEAR_RANGE_RE.match(raw) or _DATE_RE.match(raw):
            continue
        numbers = re.findall(r"\d+", raw)
        if (
            numbers
            and all(re.fullmatch(r"(?:19|20)\d\d|0?[1-9]|1[0-2]", n) for n in numbers)
            and any(len(n) == 4 for n in numbers)
        ):
            continue  # dates: "2010-2014", "2017/04 - 2018/10"
        if placeholders >= 2 and len(digits) >= 3:
            out.append(raw)
        elif 7 <= len(digits) <= 15:
            # A bare run of digits without separators is an id, unless long enough for a phone.
            if re.fullmatch(r"\d+", raw) and len(digits) < 9:
                continue
            out.append(raw)
    return out


def find_phone(lines: list[Line]) -> str:
    labelled, plain = [], []
    for line in lines:
        text = line.flat
        if EMAIL_RE.search(text) and not PHONE_RE.search(EMAIL_RE.sub(" ", text)):
            continue
        text = EMAIL_RE.sub(" ", text)
        if "." in text or "/" in text:
            for url in _links(text):
                text = text.replace(url, " ")
        for candidate in _phone_candidates(text):
            (labelled if PHONE_LABEL_RE.search(text) else plain).append(candidate)
    for candidate in labelled + plain:
        return candidate
    return ""


_ADDRESS_RE = re.compile(
    r"^[A-ZÄÖÜÀ-Ý][\w.'’\- ]+\s\d+[a-z]?,\s*\d{4,5}\s+[A-ZÄÖÜÀ-Ý][\w.'’\- ]+(?:\s*\([^)]*\))?$|"
    r"^\d+[a-z]?,?\s+[A-ZÀ-Ý][\w.'’\- ]+,\s*\d{5}\s+[A-ZÀ-Ý][\w.'’\- ]+$"
)
_INLINE_LOCATION_RE = re.compile(
    r"\b(?:location|residence|address|city|based in|lieu|ville|wohnort|ubicaci[oó]n|ciudad)"
    r"\s*(?:[:：]|\s-)?\s+"
    r"([A-Z][^:：\t,|]*?(?:,\s*[A-Z][^:：\t,|]*?)*)(?=\s+[A-Z][a-z]+\s*[:：]|\s{2,}|\s*\||\t|$)",
    re.IGNORECASE,
)


def find_location(lines: list[Line]) -> str:
    for line in lines:
        for cell in line.cells:
            label = _LOCATION_LABEL_RE.match(cell.strip())
            if label:
                return label.group(1).strip(" |")
            inline = _INLINE_LOCATION_RE.search(cell)
            if inline and not EMAIL_RE.search(inline.group(1)):
                return inline.group(1).strip(" |,")
    for line in lines:
        for cell in line.cells:
            for part in re.split(r"\s+[|•·—–]\s+|\s{2,}|\s[|]|[|]\s", cell):
                part = part.strip(" |,")
                if not part:
                    continue
                if (
                    EMAIL_RE.search(part)
                    or URL_RE.search(part)
                    or PHONE_LABEL_RE.search(part)
                    or re.search(r"\d{3}[\s.-]\d{3,4}", part)
                ):
                    # A contact line without separators: take the "City, ST 12345" inside it.
                    us = _US_STATE_RE.search(PHONE_RE.sub(" ", EMAIL_RE.sub(" ", part)))
                    if us:
                        return us.group(0).strip()
                    continue
                if _ADDRESS_RE.match(part):
                    return part
                street = re.match(r"^\d+[A-Za-z]?\s+", part)
                place = part[street.end() :] if street else part
                us = _US_STATE_RE.match(place)
                # The place must be the whole part ("Seattle, WA 98101"), not two items of a
                # comma-separated list ("LINQ, MS SQL").
                if (
                    us
                    and us.end() >= len(place) - 1
                    and not _is_tech_skill(us.group(0).split(",")[0].strip())
                ):
                    return part
                if _CITY_COUNTRY_RE.match(part) and len(part) < 60:
                    tail = fold(part.split(",")[-1].strip())
                    head = fold(part.split(",")[0].strip())
                    if tail in COUNTRIES or head in COUNTRIES:
                        return part
    return ""


_PROFILE_URL_RE = re.compile(
    r"(?:linkedin\.com/in/[^/\s]+|(?:github|gitlab)\.com/[^/\s]+|xing\.com/profile/[^/\s]+|"
    r"twitter\.com/[^/\s]+|orcid\.org/[\d-]+)/?$",
    re.I,
)


def find_contact(sections: list[Section], lines: list[Line], *, language: str | None = None) -> Contact:
    header = [line for s in sections if s.name == "header" for line in s.lines]
    contact_lines = [line for s in sections if s.name == "contact" for line in s.lines]
    # Lines carrying an e-mail address are contact lines wherever they are (footers).
    email_rows = {ln.index for ln in lines if EMAIL_RE.search(ln.flat)}
    around = {i + d for i in email_rows for d in (-1, 0, 1)}
    near = header + contact_lines + [ln for ln in lines if ln.index in around and ln not in header]
    everything = lines
    contact = Contact()
    first_email = next((EMAIL_RE.search(ln.flat) for ln in lines if EMAIL_RE.search(ln.flat)), None)
    contact.name = find_name(header, lines, first_email.group(0).split("@")[0] if first_email else "")
    for pool in (near, everything):
        match = next((EMAIL_RE.search(line.flat) for line in pool if EMAIL_RE.search(line.flat)), None)
        if match:
            contact.email = match.group(0).strip(".")
            break
    region = _REGION_BY_LANGUAGE.get(language or "")
    for pool in (near, everything[:60], everything[-30:]):
        raw = find_phone(pool)
        if raw:
            contact.phone_raw = raw
            contact.phone = normalise_phone(raw, region=region)
            break
    contact.location = find_location(near[:15]) or find_location(everything[:25])
    near_text = EMAIL_RE.sub(" ", "\n".join(line.flat for line in near))
    rest_text = EMAIL_RE.sub(" ", "\n".join(line.flat for line in everything if line not in near))
    # Outside the header only personal profiles count; company and project URLs in the
    # experience section are not the candidate's links.
    labelled = re.findall(
        r"\b(?:blog|website|homepage|home page|portfolio|site web|webseite|sitio web|博客|主页)"
        r"\s*[:：]\s*(\S+)",
        rest_text,
        re.IGNORECASE,
    )
    raw_links = _links(near_text) + _handle_links(near_text) + _profile_pairs(near + lines[:40])
    raw_links += [u for u in _links(rest_text) + _handle_links(rest_text) if _PROFILE_URL_RE.search(u)]
    raw_links += [u for u in labelled if "." in u]
    seen: set[str] = set()
    for raw in raw_links:
        url = _canonical_url(raw)
        key = re.sub(r"^https?://(www\.)?", "", url.lower()).rstrip("/")
        if key in seen or len(key) < 5:
            continue
        seen.add(key)
        contact.links.append(url)
        if "linkedin.com" in key and not contact.linkedin:
            contact.linkedin = url
        elif (
            ("github.com" in key or "gitlab.com" in key)
            and not contact.github
            and "github.io" not in key
        ):
            contact.github = url
        elif not contact.portfolio and not re.search(
            r"linkedin|github\.com|gitlab|twitter|x\.com|facebook|instagram|xing|weibo|orcid", key
        ):
            contact.portfolio = url
    return contact
