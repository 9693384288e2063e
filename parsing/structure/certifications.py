"""Certifications: one per line of the certifications section, with issuer and date when
printed next to the name ("AWS Certified Developer – Amazon Web Services, 2019")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_ranges, find_single
from .text import Line, fold

_ISSUER_SPLIT_RE = re.compile(
    r"\s+[-–—|]\s+|\s+by\s+|\s+from\s+|\s+par\s+|\s+von\s+|\s+por\s+|\t|,\s+(?=[A-Z])"
)
ISSUERS = re.compile(
    r"\b(?:amazon web services|aws|microsoft|google|oracle|cisco|comptia|pmi|axelos|scrum alliance|"
    r"scrum\.org|linux foundation|cncf|red hat|isc2|isaca|ec-council|coursera|udemy|edx|"
    r"codeacademy|codecademy|hashicorp|salesforce|ibm|sap|vmware|aicpa|cfa institute|shrm|"
    r"american heart association|red cross)\b",
    re.IGNORECASE,
)


@dataclass
class CertificationEntry:
    name: str
    issuer: str
    date: str


def parse_certifications(lines: list[Line]) -> list[CertificationEntry]:
    out: list[CertificationEntry] = []
    for line in lines:
        text = line.flat.strip()
        if not text or len(text.split()) > 16:
            continue
        dates = find_ranges(text) or find_single(text)
        date = dates[0].start if dates else ""
        if dates and len(fold(text)) == len(text):
            span = dates[0].span
            text = (text[: span[0]] + " " + text[span[1] :]).strip(" ,.-–—|()")
        if not re.search(r"[^\W\d_]{2}", text):
            # A date alone on its line belongs to the previous certification.
            if out and date and not out[-1].date:
                out[-1].date = date
            continue
        if out and not out[-1].issuer and ISSUERS.fullmatch(text.strip()):
            out[-1].issuer = text.strip()
            if date and not out[-1].date:
                out[-1].date = date
            continue
        parts = [p.strip() for p in _ISSUER_SPLIT_RE.split(text) if p.strip()]
        name = parts[0] if parts else text
        issuer = next((p for p in parts[1:] if ISSUERS.search(p)), parts[1] if len(parts) > 1 else "")
        if not issuer:
            match = ISSUERS.search(name)
            issuer = match.group(0) if match and match.group(0) != name else ""
        out.append(CertificationEntry(name=name[:200], issuer=issuer[:200], date=date))
    return out
