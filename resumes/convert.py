"""Conversions between the canonical ResumeDocument and the shapes of the published APIs.

Pure: no ORM. Every ``from_*`` returns a validated ``ResumeDocument`` or raises
``DocumentError`` whose ``fields`` name paths *in the input's own shape* (e.g.
``workExperience.0.startDate``, not ``work.0.start_date``), or ``DocumentTooLarge``.
Every ``to_*`` takes a ``ResumeDocument`` and returns plain JSON data.

Shapes (decisions where a spec is silent are marked ★):

smartcv ``contentJson`` (camelCase)::

    personalInfo{name,title,email,phone,address,summary,website,linkedin,github,twitter,
                 links[{label,url}],imageUrl,birthDate,nationality}
    workExperience[{id,company,position,location,startDate,endDate,isCurrent,description,highlights}]
    education[{id,school,degree,field,location,startDate,endDate,grade,description}]
    skills[str]                      ★ plus skillDetails[{name,category,level}] when any skill
                                       has a category or level (input: skills items may also be
                                       {name,category,level} objects; skillDetails is matched by name)
    projects[{id,name,description,technologies,url,startDate,endDate,highlights}]
    certifications[{name,issuer,date,url}]  languages[{name,level}]  extracurricular[str]
    customSections[{id,title,items[{title,subtitle,date,description}]}]

    ``summary`` lives in personalInfo.summary (spec); a top-level ``summary`` is accepted too.

profile ``resume``::

    personalInfo{name,title,email,location,phone,website,linkedin,github,twitter,imageUrl}
    summary
    skills{languages,frameworksAndTools,softSkills}   ★ a skill without category is listed
        under frameworksAndTools; any other category is kept as its own key; levels are dropped
    experience[{id,company,title,location,startDate,endDate,description,highlights}] ★
    projects[{id,name,description,technologies,url,startDate,endDate,highlights}]
    education[{id,institution,degree,field,location,startDate,endDate,grade,description}] ★
    extracurricular[str]  customSections[{id,title,items[…]}]
    ★ certifications / languages (as in contentJson) only when the document has some

JSON Resume (v1): see ``to_json_resume`` (ids, birth date and nationality have no place
there). parserpro candidate fields: ``to_parserpro``.
reader ``resumeData``: ``to_reader``.

Ongoing roles have ``endDate: "present"`` everywhere except JSON Resume, where (by that
schema's convention) a missing ``endDate`` means ongoing.
"""

from __future__ import annotations

import re
from typing import Any

from resumes.document import (
    PRESENT,
    DocumentError,
    ResumeDocument,
    validate_document,
)

# (canonical field, dialect field) pairs per item type.
Fields = tuple[tuple[str, str], ...]

_PROJECT_CAMEL: Fields = (
    ("id", "id"),
    ("name", "name"),
    ("description", "description"),
    ("technologies", "technologies"),
    ("url", "url"),
    ("start_date", "startDate"),
    ("end_date", "endDate"),
    ("highlights", "highlights"),
)
_CERT: Fields = (("name", "name"), ("issuer", "issuer"), ("date", "date"), ("url", "url"))
_LANG: Fields = (("name", "name"), ("level", "level"))
_CUSTOM: Fields = (("id", "id"), ("title", "title"), ("items", "items"))
_SKILL: Fields = (("name", "name"), ("category", "category"), ("level", "level"))

_CONTENT_PERSONAL: Fields = (
    ("name", "name"),
    ("title", "title"),
    ("email", "email"),
    ("phone", "phone"),
    ("location", "address"),
    ("website", "website"),
    ("linkedin", "linkedin"),
    ("github", "github"),
    ("twitter", "twitter"),
    ("links", "links"),
    ("image_url", "imageUrl"),
    ("birth_date", "birthDate"),
    ("nationality", "nationality"),
)
_CONTENT_WORK: Fields = (
    ("id", "id"),
    ("company", "company"),
    ("position", "position"),
    ("location", "location"),
    ("start_date", "startDate"),
    ("end_date", "endDate"),
    ("is_current", "isCurrent"),
    ("description", "description"),
    ("highlights", "highlights"),
)
_CONTENT_EDUCATION: Fields = (
    ("id", "id"),
    ("institution", "school"),
    ("degree", "degree"),
    ("field", "field"),
    ("location", "location"),
    ("start_date", "startDate"),
    ("end_date", "endDate"),
    ("grade", "grade"),
    ("description", "description"),
)

_PROFILE_PERSONAL: Fields = (
    ("name", "name"),
    ("title", "title"),
    ("email", "email"),
    ("location", "location"),
    ("phone", "phone"),
    ("website", "website"),
    ("linkedin", "linkedin"),
    ("github", "github"),
    ("twitter", "twitter"),
    ("image_url", "imageUrl"),
)
_PROFILE_PERSONAL_EXTRA: Fields = (
    ("links", "links"),
    ("birth_date", "birthDate"),
    ("nationality", "nationality"),
)
_PROFILE_EXPERIENCE: Fields = (
    ("id", "id"),
    ("company", "company"),
    ("position", "title"),
    ("location", "location"),
    ("start_date", "startDate"),
    ("end_date", "endDate"),
    ("description", "description"),
    ("highlights", "highlights"),
)
_PROFILE_EDUCATION: Fields = (
    ("id", "id"),
    ("institution", "institution"),
    ("degree", "degree"),
    ("field", "field"),
    ("location", "location"),
    ("start_date", "startDate"),
    ("end_date", "endDate"),
    ("grade", "grade"),
    ("description", "description"),
)
PROFILE_SKILL_GROUPS = ("languages", "frameworksAndTools", "softSkills")
_GROUP_ALIASES = {
    "languages": "languages",
    "programming languages": "languages",
    "programminglanguages": "languages",
    "frameworksandtools": "frameworksAndTools",
    "frameworks and tools": "frameworksAndTools",
    "frameworks": "frameworksAndTools",
    "tools": "frameworksAndTools",
    "": "frameworksAndTools",
    "softskills": "softSkills",
    "soft skills": "softSkills",
}


# --- Input plumbing: structural checks and error paths in the input's own shape ----------


class _Reader:
    """Builds a canonical dict from a dialect's data, remembering where each part came from."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self.errors: dict[str, list[str]] = {}
        self.origins: dict[str, str] = {}

    def _path(self, source: str) -> str:
        return ".".join(p for p in (self.prefix, source) if p)

    def error(self, source: str, message: str) -> None:
        self.errors.setdefault(self._path(source), []).append(message)

    def obj(self, value: Any, source: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(source, "must be an object")
            return {}
        return value

    def list(self, value: Any, source: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(source, "must be a list")
            return []
        return value

    def fields(
        self, item: dict[str, Any], fields: Fields, canonical: str, source: str
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        self.origins[canonical] = source
        for dst, src in fields:
            if src in item:
                out[dst] = item[src]
                self.origins[f"{canonical}.{dst}"] = f"{source}.{src}" if source else src
        return out

    def items(
        self, value: Any, fields: Fields, canonical: str, source: str, *, start: int = 0
    ) -> list[dict[str, Any]]:
        """The list's object items renamed to canonical fields; ``start`` offsets the
        canonical index when items are appended after others."""
        out: list[dict[str, Any]] = []
        if not start:
            self.origins[canonical] = source
        for index, item in enumerate(self.list(value, source)):
            if not isinstance(item, dict):
                self.error(f"{source}.{index}", "must be an object")
                continue
            out.append(self.fields(item, fields, f"{canonical}.{start + len(out)}", f"{source}.{index}"))
        return out

    def origins_list(self, count: int, canonical: str, source: str) -> None:
        for index in range(count):
            self.origins[f"{canonical}.{index}"] = f"{source}.{index}"

    def translate(self, path: str) -> str:
        parts = path.split(".") if path else []
        for n in range(len(parts), 0, -1):
            source = self.origins.get(".".join(parts[:n]))
            if source is not None:
                return self._path(".".join([source, *parts[n:]]) if source else ".".join(parts[n:]))
        return self._path(path)

    def finish(self, canonical: dict[str, Any]) -> ResumeDocument:
        """Validate; structural and field errors are reported together, in input paths."""
        errors = {path: list(messages) for path, messages in self.errors.items()}
        try:
            document = validate_document(canonical)
        except DocumentError as exc:
            for path, messages in exc.fields.items():
                errors.setdefault(self.translate(path), []).extend(messages)
        else:
            if not errors:
                return document
        raise DocumentError(errors)


def _out(data: dict[str, Any], fields: Fields) -> dict[str, Any]:
    return {dst: data[src] for src, dst in fields}


def _out_list(items: list[dict[str, Any]], fields: Fields) -> list[dict[str, Any]]:
    return [_out(item, fields) for item in items]


def _top(data: Any, reader: _Reader) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise DocumentError({reader.prefix: ["must be an object"]})
    return data


# --- smartcv contentJson -------------------------------------------------------------------


def to_content_json(doc: ResumeDocument) -> dict[str, Any]:
    data = doc.to_json()
    personal = _out(data["personal"], _CONTENT_PERSONAL)
    personal["summary"] = data["summary"]
    out: dict[str, Any] = {
        "personalInfo": personal,
        "workExperience": _out_list(data["work"], _CONTENT_WORK),
        "education": _out_list(data["education"], _CONTENT_EDUCATION),
        "skills": [skill["name"] for skill in data["skills"]],
        "projects": _out_list(data["projects"], _PROJECT_CAMEL),
        "certifications": _out_list(data["certifications"], _CERT),
        "languages": _out_list(data["languages"], _LANG),
        "extracurricular": data["extracurricular"],
        "customSections": _out_list(data["custom_sections"], _CUSTOM),
    }
    if any(skill["category"] or skill["level"] for skill in data["skills"]):
        out["skillDetails"] = _out_list(data["skills"], _SKILL)
    return out


def _camel_sections(reader: _Reader, data: dict[str, Any]) -> dict[str, Any]:
    """The sections the camelCase shapes (contentJson, profile, reader) spell alike."""
    return {
        "projects": reader.items(data.get("projects"), _PROJECT_CAMEL, "projects", "projects"),
        "certifications": reader.items(
            data.get("certifications"), _CERT, "certifications", "certifications"
        ),
        "languages": reader.items(data.get("languages"), _LANG, "languages", "languages"),
        "extracurricular": reader.list(data.get("extracurricular"), "extracurricular"),
        "custom_sections": reader.items(
            data.get("customSections"), _CUSTOM, "custom_sections", "customSections"
        ),
    }


def from_content_json(data: Any, *, prefix: str = "contentJson") -> ResumeDocument:
    reader = _Reader(prefix)
    data = _top(data, reader)
    personal_in = reader.obj(data.get("personalInfo"), "personalInfo")
    personal = reader.fields(personal_in, _CONTENT_PERSONAL, "personal", "personalInfo")
    if "summary" in personal_in:
        summary = personal_in["summary"]
        reader.origins["summary"] = "personalInfo.summary"
    else:
        summary = data.get("summary", "")
        reader.origins["summary"] = "summary"
    details: dict[str, dict[str, Any]] = {}
    for item in reader.list(data.get("skillDetails"), "skillDetails"):
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            details.setdefault(item["name"].strip().lower(), item)
    skills: list[Any] = []
    for index, item in enumerate(reader.list(data.get("skills"), "skills")):
        reader.origins[f"skills.{len(skills)}"] = f"skills.{index}"
        if isinstance(item, str):
            reader.origins[f"skills.{len(skills)}.name"] = f"skills.{index}"
            detail = details.get(item.strip().lower(), {})
            skills.append(
                {"name": item, "category": detail.get("category", ""), "level": detail.get("level", "")}
            )
        elif isinstance(item, dict):
            skills.append(reader.fields(item, _SKILL, f"skills.{len(skills)}", f"skills.{index}"))
        else:
            reader.error(f"skills.{index}", "must be a string or an object {name, category, level}")
    canonical = {
        "personal": personal,
        "summary": summary,
        "work": reader.items(data.get("workExperience"), _CONTENT_WORK, "work", "workExperience"),
        "education": reader.items(data.get("education"), _CONTENT_EDUCATION, "education", "education"),
        "skills": skills,
        **_camel_sections(reader, data),
    }
    reader.origins["extracurricular"] = "extracurricular"
    return reader.finish(canonical)


def project_to_json(project: dict[str, Any]) -> dict[str, Any]:
    """One canonical project (dumped) in the smartcv/profile camelCase shape."""
    return _out(project, _PROJECT_CAMEL)


# --- profile resume ------------------------------------------------------------------------


def _profile_group(category: str) -> str:
    key = category.strip()
    return _GROUP_ALIASES.get(key.lower(), key)


def to_profile(doc: ResumeDocument) -> dict[str, Any]:
    data = doc.to_json()
    personal = _out(data["personal"], _PROFILE_PERSONAL)
    for src, dst in _PROFILE_PERSONAL_EXTRA:
        if data["personal"][src]:
            personal[dst] = data["personal"][src]
    skills: dict[str, list[str]] = {group: [] for group in PROFILE_SKILL_GROUPS}
    for skill in data["skills"]:
        skills.setdefault(_profile_group(skill["category"]), []).append(skill["name"])
    out: dict[str, Any] = {
        "personalInfo": personal,
        "summary": data["summary"],
        "skills": skills,
        "experience": _out_list(data["work"], _PROFILE_EXPERIENCE),
        "projects": _out_list(data["projects"], _PROJECT_CAMEL),
        "education": _out_list(data["education"], _PROFILE_EDUCATION),
        "extracurricular": data["extracurricular"],
        "customSections": _out_list(data["custom_sections"], _CUSTOM),
    }
    if data["certifications"]:
        out["certifications"] = _out_list(data["certifications"], _CERT)
    if data["languages"]:
        out["languages"] = _out_list(data["languages"], _LANG)
    return out


def from_profile(data: Any, *, prefix: str = "resume") -> ResumeDocument:
    reader = _Reader(prefix)
    data = _top(data, reader)
    personal_in = reader.obj(data.get("personalInfo"), "personalInfo")
    personal = reader.fields(
        personal_in, _PROFILE_PERSONAL + _PROFILE_PERSONAL_EXTRA, "personal", "personalInfo"
    )
    skills: list[Any] = []
    groups = reader.obj(data.get("skills"), "skills")
    for group, names in groups.items():
        for index, name in enumerate(reader.list(names, f"skills.{group}")):
            reader.origins[f"skills.{len(skills)}"] = f"skills.{group}.{index}"
            reader.origins[f"skills.{len(skills)}.name"] = f"skills.{group}.{index}"
            skills.append({"name": name, "category": group})
    # The profile shape has no isCurrent: an ongoing role is endDate "present".
    work = reader.items(data.get("experience"), _PROFILE_EXPERIENCE, "work", "experience")
    reader.origins["summary"] = "summary"
    reader.origins["extracurricular"] = "extracurricular"
    canonical = {
        "personal": personal,
        "summary": data.get("summary") if data.get("summary") is not None else "",
        "work": work,
        "education": reader.items(data.get("education"), _PROFILE_EDUCATION, "education", "education"),
        "skills": skills,
        **_camel_sections(reader, data),
    }
    return reader.finish(canonical)


# --- JSON Resume (https://jsonresume.org/schema, v1) ---------------------------------------

_NETWORKS = {"linkedin": "LinkedIn", "github": "GitHub", "twitter": "Twitter"}
_NETWORK_ALIASES = {"linkedin": "linkedin", "github": "github", "twitter": "twitter", "x": "twitter"}
_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]")
# Custom sections that JSON Resume has a section of its own for (title ⇄ key).
# JSON Resume sections SmartCV keeps as custom sections: section title → (JSON Resume key,
# custom item field → JSON Resume field). One table for import and export.
_JR_CUSTOM = {
    "Awards": (
        "awards",
        {"title": "title", "subtitle": "awarder", "date": "date", "description": "summary"},
    ),
    "Volunteer": (
        "volunteer",
        {"title": "position", "subtitle": "organization", "date": "startDate", "description": "summary"},
    ),
    "Publications": (
        "publications",
        {"title": "name", "subtitle": "publisher", "date": "releaseDate", "description": "summary"},
    ),
    "References": ("references", {"title": "name", "description": "reference"}),
}
# Exported to their own JSON Resume section; other custom sections ride in meta.smartcv.
_JR_SECTIONS = ("Awards", "Volunteer", "Publications")


def _username(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1] if url else ""


def _jr_date(value: Any) -> Any:
    """JSON Resume dates are ISO 8601; keep the date part of a full timestamp."""
    if isinstance(value, str):
        match = _ISO_DATETIME.match(value.strip())
        if match:
            return match.group(1)
    return value


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def to_json_resume(doc: ResumeDocument) -> dict[str, Any]:
    """The document as a JSON Resume v1 object (empty fields left out, as the schema prefers)."""
    data = doc.to_json()
    personal = data["personal"]
    profiles = [
        {"network": label, "username": _username(personal[key]), "url": personal[key]}
        for key, label in _NETWORKS.items()
        if personal[key]
    ]
    profiles += [
        {"network": link["label"], "username": _username(link["url"]), "url": link["url"]}
        for link in personal["links"]
    ]
    basics = _drop_empty(
        {
            "name": personal["name"],
            "label": personal["title"],
            "image": personal["image_url"],
            "email": personal["email"],
            "phone": personal["phone"],
            "url": personal["website"],
            "summary": data["summary"],
            "location": {"address": personal["location"]} if personal["location"] else None,
            "profiles": profiles,
        }
    )
    work = []
    for item in data["work"]:
        entry = {
            "name": item["company"],
            "position": item["position"],
            "location": item["location"],
            "startDate": item["start_date"],
            "endDate": "" if item["end_date"] == PRESENT else item["end_date"],
            "summary": item["description"],
            "highlights": item["highlights"],
        }
        work.append(_drop_empty(entry))
    education = [
        _drop_empty(
            {
                "institution": item["institution"],
                "area": item["field"],
                "studyType": item["degree"],
                "location": item["location"],
                "startDate": item["start_date"],
                "endDate": item["end_date"],
                "score": item["grade"],
                "summary": item["description"],
            }
        )
        for item in data["education"]
    ]
    skills: list[dict[str, Any]] = []
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for skill in data["skills"]:
        if not skill["category"]:
            skills.append(_drop_empty({"name": skill["name"], "level": skill["level"]}))
            continue
        key = (skill["category"], skill["level"])
        if key not in groups:
            groups[key] = {"name": skill["category"], "level": skill["level"], "keywords": []}
            skills.append(groups[key])
        groups[key]["keywords"].append(skill["name"])
    skills = [_drop_empty(group) for group in skills]
    projects = [
        _drop_empty(
            {
                "name": item["name"],
                "description": item["description"],
                "highlights": item["highlights"],
                "keywords": item["technologies"],
                "startDate": item["start_date"],
                "endDate": item["end_date"],
                "url": item["url"],
            }
        )
        for item in data["projects"]
    ]
    out: dict[str, Any] = {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": basics,
        "work": work,
        "education": education,
        "skills": skills,
        "languages": [
            _drop_empty({"language": lang["name"], "fluency": lang["level"]})
            for lang in data["languages"]
        ],
        "projects": projects,
        "certificates": [_drop_empty(dict(cert)) for cert in data["certifications"]],
        "interests": [{"name": text} for text in data["extracurricular"]],
    }
    other_sections = []
    for section in data["custom_sections"]:
        if section["title"] in _JR_SECTIONS:
            key, fields = _JR_CUSTOM[section["title"]]
            out[key] = [
                _drop_empty({jr: item[ours] for ours, jr in fields.items()}) for item in section["items"]
            ]
        else:
            other_sections.append(_out(section, _CUSTOM))
    if other_sections:
        # JSON Resume has no custom sections; meta takes extra properties, so they ride there.
        out["meta"] = {"smartcv": {"customSections": other_sections}}
    return out


def _jr_custom_items(reader: _Reader, entries: Any, key: str, mapping: dict[str, str]) -> list[dict]:
    items = []
    for index, entry in enumerate(reader.list(entries, key)):
        if not isinstance(entry, dict):
            reader.error(f"{key}.{index}", "must be an object")
            continue
        item: dict[str, Any] = {}
        for target, source in mapping.items():
            value = entry.get(source)
            if isinstance(value, str) and value:
                item[target] = value
        if item:
            items.append(item)
    return items


def from_json_resume(data: Any, *, prefix: str = "") -> ResumeDocument:
    """A JSON Resume document as a ResumeDocument. Dates keep their date part; a job with a
    start and no end is ongoing (the schema's convention); ``interests`` become
    extracurricular lines; awards / volunteer / publications / references become custom
    sections."""
    reader = _Reader(prefix)
    data = _top(data, reader)
    basics = reader.obj(data.get("basics"), "basics")
    location = basics.get("location")
    if isinstance(location, dict):
        parts = [location.get(k) for k in ("address", "city", "region", "countryCode")]
        location_text = ", ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
    elif isinstance(location, str):
        location_text = location
    else:
        location_text = ""
    personal: dict[str, Any] = {"links": []}
    for dst, src in (
        ("name", "name"),
        ("title", "label"),
        ("email", "email"),
        ("phone", "phone"),
        ("website", "url"),
        ("image_url", "image"),
    ):
        if basics.get(src) is not None:
            personal[dst] = basics[src]
            reader.origins[f"personal.{dst}"] = f"basics.{src}"
    personal["location"] = location_text
    reader.origins["personal.location"] = "basics.location"
    for index, profile in enumerate(reader.list(basics.get("profiles"), "basics.profiles")):
        if not isinstance(profile, dict):
            reader.error(f"basics.profiles.{index}", "must be an object")
            continue
        network = str(profile.get("network") or "").strip()
        url = str(profile.get("url") or "").strip()
        username = str(profile.get("username") or "").strip()
        known = _NETWORK_ALIASES.get(network.lower())
        if known and not url and username:
            host = {"linkedin": "linkedin.com/in", "github": "github.com", "twitter": "x.com"}[known]
            url = f"https://{host}/{username}"
        if not url:
            continue
        if known and not personal.get(known):
            personal[known] = url
            reader.origins[f"personal.{known}"] = f"basics.profiles.{index}.url"
        else:
            reader.origins[f"personal.links.{len(personal['links'])}"] = f"basics.profiles.{index}"
            personal["links"].append({"label": network, "url": url})
    reader.origins["summary"] = "basics.summary"

    work = []
    for index, entry in enumerate(reader.list(data.get("work"), "work")):
        if not isinstance(entry, dict):
            reader.error(f"work.{index}", "must be an object")
            continue
        source = f"work.{index}"
        item = reader.fields(
            entry,
            (
                ("company", "name"),
                ("position", "position"),
                ("location", "location"),
                ("start_date", "startDate"),
                ("end_date", "endDate"),
                ("description", "summary"),
                ("highlights", "highlights"),
            ),
            f"work.{len(work)}",
            source,
        )
        if not item.get("company") and isinstance(entry.get("company"), str):
            item["company"] = entry["company"]  # pre-1.0 JSON Resume used "company"
        item["start_date"] = _jr_date(item.get("start_date"))
        item["end_date"] = _jr_date(item.get("end_date"))
        if not item.get("end_date") and item.get("start_date"):
            item["end_date"] = PRESENT
        work.append(item)

    education = []
    for index, entry in enumerate(reader.list(data.get("education"), "education")):
        if not isinstance(entry, dict):
            reader.error(f"education.{index}", "must be an object")
            continue
        item = reader.fields(
            entry,
            (
                ("institution", "institution"),
                ("field", "area"),
                ("degree", "studyType"),
                ("location", "location"),
                ("start_date", "startDate"),
                ("end_date", "endDate"),
                ("grade", "score"),
                ("description", "summary"),
            ),
            f"education.{len(education)}",
            f"education.{index}",
        )
        item["start_date"] = _jr_date(item.get("start_date"))
        item["end_date"] = _jr_date(item.get("end_date"))
        education.append(item)

    skills: list[Any] = []
    for index, entry in enumerate(reader.list(data.get("skills"), "skills")):
        if not isinstance(entry, dict):
            reader.error(f"skills.{index}", "must be an object")
            continue
        keywords = reader.list(entry.get("keywords"), f"skills.{index}.keywords")
        if keywords:
            for k_index, keyword in enumerate(keywords):
                reader.origins[f"skills.{len(skills)}"] = f"skills.{index}.keywords.{k_index}"
                reader.origins[f"skills.{len(skills)}.name"] = f"skills.{index}.keywords.{k_index}"
                skills.append(
                    {
                        "name": keyword,
                        "category": entry.get("name") or "",
                        "level": entry.get("level") or "",
                    }
                )
        elif entry.get("name"):
            skills.append(
                reader.fields(
                    entry,
                    (("name", "name"), ("level", "level")),
                    f"skills.{len(skills)}",
                    f"skills.{index}",
                )
            )

    languages = reader.items(
        data.get("languages"), (("name", "language"), ("level", "fluency")), "languages", "languages"
    )
    projects = []
    for index, entry in enumerate(reader.list(data.get("projects"), "projects")):
        if not isinstance(entry, dict):
            reader.error(f"projects.{index}", "must be an object")
            continue
        item = reader.fields(
            entry,
            (
                ("name", "name"),
                ("description", "description"),
                ("highlights", "highlights"),
                ("technologies", "keywords"),
                ("start_date", "startDate"),
                ("end_date", "endDate"),
                ("url", "url"),
            ),
            f"projects.{len(projects)}",
            f"projects.{index}",
        )
        item["start_date"] = _jr_date(item.get("start_date"))
        item["end_date"] = _jr_date(item.get("end_date"))
        projects.append(item)
    certifications = reader.items(data.get("certificates"), _CERT, "certifications", "certificates")
    for item in certifications:
        item["date"] = _jr_date(item.get("date"))

    extracurricular = []
    for index, entry in enumerate(reader.list(data.get("interests"), "interests")):
        if isinstance(entry, dict) and isinstance(entry.get("name"), str) and entry["name"].strip():
            keywords = [k for k in entry.get("keywords") or [] if isinstance(k, str)]
            extracurricular.append(entry["name"] + (f": {', '.join(keywords)}" if keywords else ""))
        elif not isinstance(entry, dict):
            reader.error(f"interests.{index}", "must be an object")

    custom_sections = []
    for title, (key, mapping) in _JR_CUSTOM.items():
        items = _jr_custom_items(reader, data.get(key), key, mapping)
        if items:
            custom_sections.append({"title": title, "items": items})
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    smartcv_meta = meta.get("smartcv") if isinstance(meta.get("smartcv"), dict) else {}
    custom_sections += reader.items(
        smartcv_meta.get("customSections"),
        _CUSTOM,
        "custom_sections",
        "meta.smartcv.customSections",
        start=len(custom_sections),
    )
    canonical = {
        "personal": personal,
        "summary": basics.get("summary") if basics.get("summary") is not None else "",
        "work": work,
        "education": education,
        "skills": skills,
        "projects": projects,
        "certifications": certifications,
        "languages": languages,
        "extracurricular": extracurricular,
        "custom_sections": custom_sections,
    }
    return reader.finish(canonical)


# --- parserpro candidate fields ------------------------------------------------------------


def _year(value: str) -> str:
    return value[:4] if value else ""


def current_title(doc: ResumeDocument) -> str:
    """The headline, else the ongoing role's position, else the latest role's."""
    if doc.personal.title:
        return doc.personal.title
    for item in doc.work:
        if item.is_current and item.position:
            return item.position
    return doc.work[0].position if doc.work else ""


def to_parserpro(doc: ResumeDocument) -> dict[str, Any]:
    """The parserpro candidate's structured fields (``ai_summary`` ← the document summary)."""
    personal = doc.personal
    portfolio = personal.website or next((link.url for link in personal.links), "")
    return {
        "full_name": personal.name,
        "email": personal.email,
        "phone": personal.phone,
        "location": personal.location,
        "current_title": current_title(doc),
        "skills": doc.skill_names,
        "languages": [lang.name for lang in doc.languages],
        "work_history": [
            {
                "company": item.company,
                "title": item.position,
                "start_date": item.start_date,
                "end_date": item.end_date,
                "is_current": item.is_current,
                "description": item.description,
            }
            for item in doc.work
        ],
        "education": [
            {
                "institution": item.institution,
                "degree": item.degree,
                "field": item.field,
                "start_year": _year(item.start_date),
                "end_year": _year(item.end_date),
            }
            for item in doc.education
        ],
        "certifications": [
            {"name": cert.name, "issuer": cert.issuer, "date": cert.date} for cert in doc.certifications
        ],
        "linkedin_url": personal.linkedin,
        "github_url": personal.github,
        "portfolio_url": portfolio,
        "ai_summary": doc.summary,
    }


def from_parserpro(data: Any, *, prefix: str = "") -> ResumeDocument:
    reader = _Reader(prefix)
    data = _top(data, reader)
    personal = reader.fields(
        data,
        (
            ("name", "full_name"),
            ("email", "email"),
            ("phone", "phone"),
            ("location", "location"),
            ("title", "current_title"),
            ("linkedin", "linkedin_url"),
            ("github", "github_url"),
            ("website", "portfolio_url"),
        ),
        "personal",
        "",
    )
    skills = reader.list(data.get("skills"), "skills")
    reader.origins_list(len(skills), "skills", "skills")
    languages = reader.list(data.get("languages"), "languages")
    reader.origins_list(len(languages), "languages", "languages")
    work = reader.items(
        data.get("work_history"),
        (
            ("company", "company"),
            ("position", "title"),
            ("start_date", "start_date"),
            ("end_date", "end_date"),
            ("is_current", "is_current"),
            ("description", "description"),
        ),
        "work",
        "work_history",
    )
    education = reader.items(
        data.get("education"),
        (
            ("institution", "institution"),
            ("degree", "degree"),
            ("field", "field"),
            ("start_date", "start_year"),
            ("end_date", "end_year"),
        ),
        "education",
        "education",
    )
    for item in education:
        for key in ("start_date", "end_date"):
            if isinstance(item.get(key), int):
                item[key] = str(item[key])
    reader.origins["summary"] = "ai_summary"
    canonical = {
        "personal": personal,
        "summary": data.get("ai_summary") or "",
        "work": work,
        "education": education,
        "skills": [{"name": s} if isinstance(s, str) else s for s in skills],
        "languages": [{"name": s} if isinstance(s, str) else s for s in languages],
        "certifications": reader.items(
            data.get("certifications"),
            (("name", "name"), ("issuer", "issuer"), ("date", "date")),
            "certifications",
            "certifications",
        ),
    }
    return reader.finish(canonical)


# --- reader resumeData ---------------------------------------------------------------------

_READER_EXPERIENCE: Fields = (
    ("id", "id"),
    ("company", "company"),
    ("position", "position"),
    ("location", "location"),
    ("start_date", "startDate"),
    ("end_date", "endDate"),
    ("is_current", "current"),
    ("description", "description"),
    ("highlights", "highlights"),
)
_READER_EDUCATION: Fields = (
    ("id", "id"),
    ("institution", "institution"),
    ("degree", "degree"),
    ("field", "fieldOfStudy"),
    ("location", "location"),
    ("start_date", "startDate"),
    ("end_date", "endDate"),
    ("grade", "grade"),
    ("description", "description"),
)
_READER_CANDIDATE: Fields = (
    ("title", "title"),
    ("email", "email"),
    ("phone", "phone"),
    ("location", "location"),
    ("website", "website"),
    ("linkedin", "linkedin"),
    ("github", "github"),
    ("twitter", "twitter"),
    ("links", "links"),
    ("image_url", "imageUrl"),
    ("birth_date", "birthDate"),
    ("nationality", "nationality"),
)


def split_name(name: str) -> tuple[str, str]:
    """("Jean", "Dupont") from "Jean Dupont"; everything after the first word is the last name."""
    first, _, last = name.strip().partition(" ")
    return first, last.strip()


def to_reader(doc: ResumeDocument) -> dict[str, Any]:
    """The reader dialect's ``resumeData`` (the parse result body without the envelope ids):
    candidate{firstName,lastName,title,email,phone,location,summary,website,linkedin,github,
    twitter,links,imageUrl,birthDate,nationality}, experiences[{id,company,position,location,
    startDate,endDate,current,description,highlights}], educations[{id,institution,degree,
    fieldOfStudy,location,startDate,endDate,grade,description}], skills[{name,category,level}],
    languages[{name,level}], certifications[{name,issuer,date,url}], projects[…camelCase],
    extracurricular[str], customSections[…]."""
    data = doc.to_json()
    first, last = split_name(data["personal"]["name"])
    candidate = {"firstName": first, "lastName": last, **_out(data["personal"], _READER_CANDIDATE)}
    candidate["summary"] = data["summary"]
    return {
        "candidate": candidate,
        "experiences": _out_list(data["work"], _READER_EXPERIENCE),
        "educations": _out_list(data["education"], _READER_EDUCATION),
        "skills": _out_list(data["skills"], _SKILL),
        "languages": _out_list(data["languages"], _LANG),
        "certifications": _out_list(data["certifications"], _CERT),
        "projects": _out_list(data["projects"], _PROJECT_CAMEL),
        "extracurricular": data["extracurricular"],
        "customSections": _out_list(data["custom_sections"], _CUSTOM),
    }


def from_reader(data: Any, *, prefix: str = "") -> ResumeDocument:
    reader = _Reader(prefix)
    data = _top(data, reader)
    candidate = reader.obj(data.get("candidate"), "candidate")
    personal = reader.fields(candidate, _READER_CANDIDATE, "personal", "candidate")
    names = [candidate.get("firstName"), candidate.get("lastName")]
    if any(n is not None and not isinstance(n, str) for n in names):
        reader.error("candidate.firstName", "must be a string")
    personal["name"] = " ".join(n.strip() for n in names if isinstance(n, str) and n.strip())
    reader.origins["summary"] = "candidate.summary"
    reader.origins["extracurricular"] = "extracurricular"
    canonical = {
        "personal": personal,
        "summary": candidate.get("summary") if candidate.get("summary") is not None else "",
        "work": reader.items(data.get("experiences"), _READER_EXPERIENCE, "work", "experiences"),
        "education": reader.items(data.get("educations"), _READER_EDUCATION, "education", "educations"),
        "skills": reader.items(data.get("skills"), _SKILL, "skills", "skills"),
        **_camel_sections(reader, data),
    }
    return reader.finish(canonical)
