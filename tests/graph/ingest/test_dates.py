"""Dates in the forms the ministry's articles use, as xsd literals."""

from __future__ import annotations

import pytest

from graph.ingest.dates import find_dates


@pytest.mark.parametrize(("text", "begin", "datatype", "until"), [
    ("ký vào ngày 15/12/1980 tại Berlin", "1980-12-15", "date", None),
    ("vào tháng 6/2025 tại Trung Quốc", "2025-06", "gYearMonth", None),
    ("tháng 11-2024, tr. 3-11", "2024-11", "gYearMonth", None),
    ("vào năm 2022", "2022", "gYear", None),
    ("từ ngày 03/8/2025 đến ngày 06/8/2025", "2025-08-03", "date", "2025-08-06"),
    ("từ 25/7 đến 03/8/2025", "2025-07-25", "date", "2025-08-03"),
    ("từ ngày 10 đến ngày 12/9/2023", "2023-09-10", "date", "2023-09-12"),
    ("ngày 10 và 11/5/2024", "2024-05-10", "date", "2024-05-11"),
    ("giai đoạn 2021-2025", "2021", "gYear", "2025"),
    ("Trong giai đoạn từ 1980-2015", "1980", "gYear", "2015"),
    ("từ tháng 12/2024 đến tháng 3/2025", "2024-12", "gYearMonth", "2025-03"),
    ("chiều 04/8/2025, đồng chí", "2025-08-04", "date", None),
])
def test_date_forms(text, begin, datatype, until):
    found = find_dates(text)
    assert len(found) == 1, found
    assert (found[0].begin.iso, found[0].begin.datatype) == (begin, datatype)
    assert (found[0].until.iso if found[0].until else None) == until
    assert text[found[0].start:found[0].end].strip()


def test_open_ended_period():
    found = find_dates("từ năm 2015 đến nay")
    assert found[0].begin.iso == "2015" and found[0].open_end and found[0].until is None


@pytest.mark.parametrize("text", [
    "Nghị định số 113/2014/NĐ-CP", "132 văn kiện hợp tác", "số 1.050", "ngày 31/2/2024", "tháng 13/2024",
])
def test_numbers_that_are_not_dates(text):
    assert find_dates(text) == []
