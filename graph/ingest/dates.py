"""Dates as the ministry's articles write them, turned into XML Schema literals.

A day becomes ``xsd:date``, a month ``xsd:gYearMonth`` and a year ``xsd:gYear``. Ranges
("từ ngày 03/8/2025 đến ngày 06/8/2025", "từ 25/7 đến 03/8/2025", "ngày 10 và 11/5/2024",
"giai đoạn 2021-2025", "từ năm 2015 đến nay") give a start and an end; a part the text
leaves out (the year of "25/7") is taken from the other end.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

__all__ = ["DateValue", "DateMention", "find_dates"]

XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True, order=True)
class DateValue:
    """An ISO date, year-month or year, and its XML Schema datatype name."""

    iso: str
    datatype: str  # "date", "gYearMonth" or "gYear"

    @property
    def datatype_iri(self) -> str:
        return XSD + self.datatype

    @property
    def year(self) -> int:
        return int(self.iso[:4])


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    begin: DateValue
    until: DateValue | None = None  # the end of a range
    open_end: bool = False  # "từ năm 2015 đến nay"

    @property
    def is_range(self) -> bool:
        return self.until is not None or self.open_end


_D = r"(\d{1,2})"
_M = r"(\d{1,2})"
_Y = r"((?:19|20)\d{2})"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # từ ngày 03/8/2025 đến ngày 06/8/2025 ; từ 25/7 đến 03/8/2025
    ("day-range", re.compile(
        rf"\btừ\s+(?:ngày\s+)?{_D}/{_M}(?:/{_Y})?\s*(?:đến|tới|-|–)\s*(?:hết\s+)?(?:ngày\s+)?{_D}/{_M}/{_Y}\b",
        re.IGNORECASE)),
    # từ ngày 10 đến ngày 12/9/2023
    ("day-span", re.compile(rf"\btừ\s+ngày\s+{_D}\s*(?:đến|tới|-|–)\s*(?:hết\s+)?(?:ngày\s+)?{_D}/{_M}/{_Y}\b",
                            re.IGNORECASE)),
    # ngày 10 và 11/5/2024 ; ngày 10-11/5/2024
    ("day-pair", re.compile(rf"\bngày\s+{_D}\s*(?:và|-|–|đến)\s*{_D}/{_M}/{_Y}\b", re.IGNORECASE)),
    # từ tháng 3/2024 đến tháng 6/2025
    ("month-range", re.compile(
        rf"\btừ\s+tháng\s+{_M}[/-]{_Y}\s*(?:đến|tới|-|–)\s*tháng\s+{_M}[/-]{_Y}\b", re.IGNORECASE)),
    # giai đoạn 2021-2025 ; từ 1980-2015 ; từ năm 2015 đến năm 2020 ; (2021 - 2025)
    ("year-range", re.compile(
        rf"\b(?:(?:giai\s+đoạn|thời\s+kỳ|từ)\s+(?:từ\s+)?(?:năm\s+)?)?{_Y}\s*(?:-|–|đến|tới)\s*(?:năm\s+)?{_Y}\b",
        re.IGNORECASE)),
    # từ năm 2015 đến nay
    ("year-open", re.compile(rf"\btừ\s+(?:năm\s+)?{_Y}\s+(?:đến|tới)\s+nay\b", re.IGNORECASE)),
    # ngày 15/12/1980 ; 04/8/2025 ; 15-12-1980
    ("day", re.compile(rf"(?<![\d/])(?:ngày\s+)?{_D}([/.-]){_M}\2{_Y}(?![\d/])", re.IGNORECASE)),
    # tháng 6/2025 ; tháng 11-2024 ; tháng 6 năm 2025
    ("month", re.compile(rf"\btháng\s+{_M}(?:\s*[/-]\s*|\s+năm\s+){_Y}\b", re.IGNORECASE)),
    # năm 2022 ; bare 2016 after "lần thứ 3"
    ("year", re.compile(rf"(?<![\d/.,-])(?:năm\s+)?{_Y}(?![\d/])", re.IGNORECASE)),
]


def _day(d: str, m: str, y: str) -> DateValue | None:
    try:
        return DateValue(_dt.date(int(y), int(m), int(d)).isoformat(), "date")
    except ValueError:
        return None


def _month(m: str, y: str) -> DateValue | None:
    return DateValue(f"{int(y):04d}-{int(m):02d}", "gYearMonth") if 1 <= int(m) <= 12 else None


def _year(y: str) -> DateValue:
    return DateValue(f"{int(y):04d}", "gYear")


def _parse(kind: str, g: tuple[str, ...]) -> tuple[DateValue, DateValue | None, bool] | None:
    if kind == "day-range":
        d1, m1, y1, d2, m2, y2 = g
        until = _day(d2, m2, y2)
        begin = _day(d1, m1, y1 or (y2 if int(m1) <= int(m2) else str(int(y2) - 1)))
        return (begin, until, False) if begin and until and begin <= until else None
    if kind in ("day-pair", "day-span"):
        d1, d2, m, y = g
        begin, until = _day(d1, m, y), _day(d2, m, y)
        return (begin, until, False) if begin and until and begin < until else None
    if kind == "month-range":
        m1, y1, m2, y2 = g
        begin, until = _month(m1, y1), _month(m2, y2)
        return (begin, until, False) if begin and until and begin <= until else None
    if kind == "year-range":
        y1, y2 = g
        return (_year(y1), _year(y2), False) if int(y1) < int(y2) <= int(y1) + 60 else None
    if kind == "year-open":
        return _year(g[0]), None, True
    if kind == "day":
        d, _, m, y = g
        value = _day(d, m, y)
        return (value, None, False) if value else None
    if kind == "month":
        value = _month(*g)
        return (value, None, False) if value else None
    return _year(g[0]), None, False


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date in ``text[start:end]``, longest forms first, without overlaps.

    Examples
    --------
    >>> [(m.begin.iso, m.until and m.until.iso) for m in find_dates(
    ...     "từ ngày 03/8/2025 đến ngày 06/8/2025; ngày 10 và 11/5/2024; giai đoạn 2021-2025")]
    [('2025-08-03', '2025-08-06'), ('2024-05-10', '2024-05-11'), ('2021', '2025')]
    >>> [(m.begin.iso, m.begin.datatype) for m in find_dates("ký ngày 15/12/1980, tháng 6/2025, năm 2022")]
    [('1980-12-15', 'date'), ('2025-06', 'gYearMonth'), ('2022', 'gYear')]
    >>> m = find_dates("từ 25/7 đến 03/8/2025")[0]
    >>> (m.begin.iso, m.until.iso)
    ('2025-07-25', '2025-08-03')
    >>> m = find_dates("từ năm 2015 đến nay")[0]
    >>> (m.begin.iso, m.until, m.open_end)
    ('2015', None, True)
    >>> find_dates("Nghị định số 113/2014/NĐ-CP, 132 văn kiện, tr. 3-11, số 1.050")
    []
    """
    end = len(text) if end is None else end
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text, start, end):
            s, e = match.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            parsed = _parse(kind, match.groups())
            if parsed is None:
                continue
            if kind == "year" and _inside_code(text, s, e):
                continue
            begin, until, open_end = parsed
            taken.append((s, e))
            found.append(DateMention(s, e, begin, until, open_end))
    return sorted(found, key=lambda m: m.start)


def _inside_code(text: str, s: int, e: int) -> bool:
    """A year that is part of a document number ("26/2024/NĐ-CP") is not a date."""
    return (s > 0 and text[s - 1] in "/-") or (e < len(text) and text[e] in "/")
