"""Section headings in English, French, German, Spanish and Chinese, and the split of a CV
into sections.

A heading is a short line that, once folded (lower case, accents and punctuation removed,
numbering and icon glyphs stripped), is one of the known phrases — also when the PDF glued
its words ("WorkExperience") or spaced its letters ("E X P E R I E N C E"). A heading
followed by a colon and content on the same line ("Skills: Python, Go") opens the section
with that content as its first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .languages import has_spoken_language
from .text import Line, fold

HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "professional summary",
        "profile",
        "professional profile",
        "career summary",
        "about",
        "about me",
        "objective",
        "career objective",
        "overview",
        "executive summary",
        "personal statement",
        "introduction",
        "qualifications summary",
        "summary of qualifications",
        "profil",
        "resume",
        "a propos",
        "a propos de moi",
        "objectif",
        "profil professionnel",
        "kurzprofil",
        "profil und ziele",
        "uber mich",
        "zusammenfassung",
        "berufsziel",
        "perfil",
        "resumen",
        "perfil profesional",
        "sobre mi",
        "objetivo",
        "extracto",
        "个人简介",
        "自我评价",
        "个人总结",
        "简介",
        "求职意向",
        "个人概况",
        "自我介绍",
        "关于我",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "professional history",
        "relevant experience",
        "experiences",
        "work",
        "career",
        "positions",
        "positions held",
        "volunteer experience",
        "on campus involvement",
        "leadership experience",
        "internships",
        "internship",
        "industry experience",
        "professional background",
        "experience professionnelle",
        "experiences professionnelles",
        "parcours professionnel",
        "emplois",
        "experience pro",
        "stages",
        "berufserfahrung",
        "berufliche erfahrung",
        "beruflicher werdegang",
        "werdegang",
        "praxiserfahrung",
        "berufliche tatigkeiten",
        "berufliche tatigkeit",
        "tatigkeiten",
        "weitere tatigkeiten",
        "berufstatigkeit",
        "praktische erfahrung",
        "berufspraxis",
        "praktika",
        "erfahrung",
        "beschaftigungsverlauf",
        "experiencia",
        "experiencia laboral",
        "experiencia profesional",
        "historial laboral",
        "trayectoria profesional",
        "practicas",
        "工作经历",
        "实习/项目经历",
        "工作/项目经历",
        "实习与项目经历",
        "工作经验",
        "实习经历",
        "职业经历",
        "项目经历与工作经历",
        "工作",
        "经历",
    ),
    "education": (
        "education",
        "academic background",
        "education and training",
        "schul- und berufsbildung",
        "schul und berufsbildung",
        "éducation et formation",
        "education et formation",
        "educación y formación",
        "educacion y formacion",
        "formación académica y profesional",
        "qualifications",
        "academic qualifications",
        "educational background",
        "studies",
        "academic history",
        "education & training",
        "academics",
        "training",
        "formation",
        "formations",
        "etudes",
        "diplomes",
        "cursus",
        "parcours academique",
        "formation academique",
        "ausbildung",
        "bildung",
        "bildungsweg",
        "studium",
        "schulbildung",
        "akademischer werdegang",
        "schulische ausbildung",
        "hochschulstudium",
        "hochschulbildung",
        "educacion",
        "formacion",
        "formacion academica",
        "estudios",
        "titulacion",
        "教育背景",
        "教育经历",
        "学历",
        "教育",
        "学习经历",
    ),
    "skills": (
        "skills",
        "technical skills",
        "core skills",
        "key skills",
        "skill set",
        "skillset",
        "competencies",
        "core competencies",
        "expertise",
        "technologies",
        "tech stack",
        "technical expertise",
        "areas of expertise",
        "skills and expertise",
        "skills & expertise",
        "professional skills",
        "top skills",
        "personal skills",
        "persönliche fähigkeiten",
        "personliche fahigkeiten",
        "compétences personnelles",
        "competences personnelles",
        "competencias personales",
        "digital skills",
        "digitale kompetenz",
        "it skills",
        "computer skills",
        "tools",
        "technical proficiencies",
        "proficiencies",
        "strengths",
        "abilities",
        "skills summary",
        "tools and technologies",
        "programming languages",
        "software",
        "technical competencies",
        "hard skills",
        "soft skills",
        "qualifications and skills",
        "skills and abilities",
        "web technologies",
        "databases",
        "frameworks",
        "methodology",
        "methodologies",
        "operating systems",
        "platforms",
        "libraries",
        "frameworks and libraries",
        "environments",
        "cloud",
        "programming",
        "development tools",
        "languages and frameworks",
        "infrastructure",
        "competences",
        "competences techniques",
        "savoir faire",
        "compétences informatiques",
        "connaissances",
        "outils",
        "informatique",
        "competences cles",
        "kenntnisse",
        "fahigkeiten",
        "kompetenzen",
        "it kenntnisse",
        "edv kenntnisse",
        "technische kenntnisse",
        "fachkenntnisse",
        "fertigkeiten",
        "skills und kenntnisse",
        "habilidades",
        "competencias",
        "conocimientos",
        "aptitudes",
        "habilidades tecnicas",
        "conocimientos tecnicos",
        "informatica",
        "专业技能",
        "技能",
        "技能清单",
        "技术栈",
        "个人技能",
        "技能特长",
        "专业技能与证书",
        "技术能力",
    ),
    "languages": (
        "languages",
        "language skills",
        "language",
        "spoken languages",
        "language proficiency",
        "langues",
        "langue",
        "competences linguistiques",
        "sprachen",
        "sprachkenntnisse",
        "fremdsprachen",
        "idiomas",
        "lenguas",
        "conocimiento de idiomas",
        "语言",
        "语言能力",
        "外语",
        "语言技能",
    ),
    "certifications": (
        "certifications",
        "certification",
        "certificates",
        "licenses",
        "licenses and certifications",
        "licenses & certifications",
        "certifications and licenses",
        "accreditations",
        "courses",
        "certificats",
        "certifications professionnelles",
        "zertifikate",
        "zertifizierungen",
        "weiterbildung",
        "weiterbildungen",
        "fortbildungen",
        "certificaciones",
        "certificados",
        "cursos",
        "证书",
        "资格证书",
        "认证",
        "获得证书",
    ),
    "projects": (
        "projects",
        "personal projects",
        "key projects",
        "selected projects",
        "side projects",
        "academic projects",
        "projets",
        "projets personnels",
        "projekte",
        "proyectos",
        "项目经历",
        "项目经验",
        "个人项目",
        "项目",
    ),
    "awards": (
        "awards",
        "honors",
        "honours",
        "honors and awards",
        "honors & awards",
        "achievements",
        "honors/awards",
        "accomplishments",
        "prix",
        "distinctions",
        "auszeichnungen",
        "premios",
        "logros",
        "获奖情况",
        "荣誉奖项",
        "奖项",
        "获奖经历",
    ),
    "publications": (
        "publications",
        "papers",
        "writing",
        "presentations",
        "veröffentlichungen",
        "publicaciones",
        "论文",
    ),
    "interests": (
        "interests",
        "hobbies",
        "hobbies and interests",
        "activities",
        "extracurricular activities",
        "extracurricular",
        "centres d'interet",
        "loisirs",
        "interessen",
        "hobbys",
        "freizeit",
        "intereses",
        "aficiones",
        "兴趣爱好",
        "爱好",
    ),
    "references": ("references", "referees", "références", "referenzen", "referencias", "推荐人"),
    "contact": (
        "contact",
        "contacts",
        "contact information",
        "contact info",
        "personal information",
        "personal details",
        "personal data",
        "coordonnees",
        "informations personnelles",
        "kontakt",
        "personliche daten",
        "persönliche angaben",
        "datos personales",
        "contacto",
        "个人信息",
        "联系方式",
        "基本信息",
        "profiles",
        "links",
        "social",
    ),
    "committees": (
        "committees",
        "memberships",
        "affiliations",
        "professional memberships",
        "volunteering",
    ),
}

_PHRASE_TO_SECTION: dict[str, str] = {}
for _section, _phrases in HEADINGS.items():
    for _phrase in _phrases:
        _key = re.sub(r"[^\w]+", " ", fold(_phrase)).strip()
        _PHRASE_TO_SECTION.setdefault(_key, _section)
        _PHRASE_TO_SECTION.setdefault(_key.replace(" ", ""), _section)

_LEAD_RE = re.compile(r"^(?:[\d]+[.)]\s*|[ivx]+[.)]\s+|[#>*\-–—•·|:]+\s*)")
_LABEL_RE = re.compile(r"^([^:：]{2,40})[:：]\s*(.*)$")


@dataclass
class Section:
    name: str  # "header" for the lines before the first heading
    heading: str
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def _heading_key(text: str) -> str:
    folded = fold(text)
    folded = _LEAD_RE.sub("", folded)
    folded = re.sub(r"[^\w&/]+", " ", folded).replace("&", " and ").strip()
    folded = re.sub(r"\s+", " ", folded)
    # Letter-spaced headings: "e x p e r i e n c e".
    if re.fullmatch(r"(?:\w ){3,}\w", folded):
        folded = folded.replace(" ", "")
    return folded


def heading_of(text: str) -> str | None:
    """The section a heading line opens, or None when the line is not a heading."""
    if len(text) > 60:
        return None
    stripped = text.strip().lstrip("#*>-–•· \t0123456789.)")
    if not stripped or stripped[:1].islower() or stripped.rstrip().endswith((".", ",")):
        return None  # "skills ." ending a wrapped sentence is not a heading
    key = _heading_key(text)
    if not key or len(key.split()) > 6:
        return None
    key = key.replace("/", " ").strip() if key.replace("/", " ").strip() else key
    for candidate in (key, key.replace(" and ", " "), key.replace(" ", "")):
        section = _PHRASE_TO_SECTION.get(candidate)
        if section:
            return section
    return None


def split_sections(lines: list[Line]) -> list[Section]:
    """The CV cut at its headings; lines before the first heading form the "header" section."""
    sections = [Section("header", "")]
    for line in lines:
        cell = line.cells[0]
        section = heading_of(line.flat) if len(line.cells) == 1 else heading_of(cell)
        rest_cells = line.cells[1:] if section and len(line.cells) > 1 else []
        if section is None:
            label = _LABEL_RE.match(line.flat)
            if label and heading_of(label.group(1)) and label.group(2):
                name = heading_of(label.group(1))
                # An inline label ("Languages: English, French") opens a section only for
                # sections whose content is a list; "Experience: 5 years" is prose.
                if (
                    name == "languages"
                    and sections[-1].name == "skills"
                    and not has_spoken_language(label.group(2))
                ):
                    # "Languages: Python, Go" inside a skills section: programming languages.
                    sections[-1].lines.append(line)
                    continue
                if name in {"skills", "languages", "certifications"}:
                    sections.append(Section(name, label.group(1)))
                    rest = Line(line.index, label.group(2), [label.group(2)], fold(label.group(2)))
                    sections[-1].lines.append(rest)
                    continue
            sections[-1].lines.append(line)
            continue
        if rest_cells and len(" ".join(rest_cells)) > 40 and section in {"summary", "contact"}:
            sections[-1].lines.append(line)  # "Profile<TAB>long sentence" in a table: keep as text
            continue
        sections.append(Section(section, line.flat))
        if rest_cells:
            text = "\t".join(rest_cells)
            sections[-1].lines.append(Line(line.index, text, rest_cells, fold(" ".join(rest_cells))))
    return sections


def by_name(sections: list[Section], name: str) -> list[Section]:
    return [s for s in sections if s.name == name]


def lines_of(sections: list[Section], name: str) -> list[Line]:
    return [line for s in sections if s.name == name for line in s.lines]
