"""Entities and facts: the grammar on sentences written for these tests, and on the corpus."""

from __future__ import annotations

import re

import pytest

from graph.ingest.extract import document_id, extract


def names(text, type_=None):
    ex = extract(text, doc_id="t")
    return {e.name for e in ex.entities if type_ is None or e.type == type_}


def facts(text, kind):
    return [f for f in extract(text, doc_id="t").facts if f.kind == kind]


def test_qualified_ministries_are_different_entities():
    ex = extract("Bộ Tư pháp đã làm việc với Bộ Tư pháp Lào và Bộ Tư pháp Việt Nam.", doc_id="t")
    orgs = {e.key: e for e in ex.entities if e.type == "org"}
    assert set(orgs) == {"org:bo tu phap", "org:bo tu phap LA"}
    assert len(orgs["org:bo tu phap"].mentions) == 2  # "Bộ Tư pháp Việt Nam" is the ministry itself


@pytest.mark.parametrize("text", [
    "Bộ, ngành Tư pháp đã không ngừng nỗ lực.",
    "Các Bộ, ngành và một số Sở Tư pháp địa phương tham gia.",
    "Bộ trưởng đã ban hành quyết định.",
])
def test_coordinations_and_generic_words_are_not_names(text):
    assert names(text, "org") == set()


def test_a_name_holding_va_stays_one_name():
    text = "Việt Nam ký Chương trình hợp tác với Bộ Tư pháp và bảo vệ người tiêu dùng Liên bang Đức."
    assert "Bộ Tư pháp và bảo vệ người tiêu dùng Liên bang Đức" in names(text, "org")
    text = "Bộ Tư pháp Cộng hòa Dân chủ Đức và Ủy ban pháp chế Việt Nam đã ký Hiệp định."
    assert names(text, "org") == {"Bộ Tư pháp Cộng hòa Dân chủ Đức", "Ủy ban pháp chế Việt Nam"}


def test_old_and_new_tone_placement_name_the_same_body():
    ex = extract("Uỷ ban hỗn hợp Việt Nam - Singapore họp. Ủy ban hỗn hợp Việt Nam - Singapore nhất trí.",
                 doc_id="t")
    series = [e for e in ex.entities if e.type == "series"]
    assert len(series) == 1 and len(series[0].mentions) == 2


def test_an_acronym_defined_in_the_text_names_the_same_body():
    ex = extract("Lĩnh vực thi hành án dân sự (THADS) phát triển. Cục Quản lý Thi hành án dân sự và "
                 "Cục Quản lý THADS là một.", doc_id="t")
    cuc = [e for e in ex.entities if e.type == "org"]
    assert len(cuc) == 1 and len(cuc[0].mentions) == 2


def test_people_with_titles_become_posts():
    text = ("Cục trưởng Cục Quản lý THADS Nguyễn Thắng Lợi và Quyền Giám đốc Cơ quan Thi hành án "
            "Liên bang Nga Vladimir Voronin đã ký Biên bản ghi nhớ.")
    posts = {(f.role("heldBy")[0].name, f.values["title"], f.role("postIn")[0].name) for f in facts(text, "post")}
    assert posts == {("Nguyễn Thắng Lợi", "Cục trưởng", "Cục Quản lý THADS"),
                     ("Vladimir Voronin", "Quyền Giám đốc", "Cơ quan Thi hành án Liên bang Nga")}


def test_plural_reference_to_two_ministries_resolves_to_both():
    text = ("Với Trung Quốc, hai bên đã ký kết Bản ghi nhớ hợp tác giữa hai Bộ Tư pháp vào năm 2022 và "
            "đón Bộ trưởng Bộ Tư pháp Trung Quốc sang thăm Việt Nam. Bộ Tư pháp chủ trì.")
    [mou] = facts(text, "agreement")
    assert {e.name for e in mou.role("party")} == {"Bộ Tư pháp", "Bộ Tư pháp Trung Quốc"}
    assert (mou.dates.begin.iso, mou.dates.begin.datatype) == ("2022", "gYear")
    assert mou.values["kind"] == "kind-mou"


def test_back_references_add_evidence_to_one_agreement():
    text = ("Cục A Việt Nam và Cơ quan B Liên bang Nga đã ký kết Biên bản ghi nhớ hợp tác. "
            "Biên bản ghi nhớ này mở ra giai đoạn mới. Việc ký kết Biên bản ghi nhớ là bước đi đúng lúc.")
    agreements = facts(text, "agreement")
    assert len(agreements) == 1
    assert len(agreements[0].evidence) == 3


def test_counts_are_not_agreements():
    assert facts("Trong 10 năm qua, Bộ Tư pháp đã ký kết được 132 văn kiện hợp tác.", "agreement") == []


def test_editions_in_a_footnote_belong_to_the_series_named_before():
    text = ("[1] Hội nghị Tư pháp các tỉnh có chung đường biên giới Việt Nam – Lào mở rộng lần thứ 3 "
            "năm 2016 tại Thanh Hóa; lần thứ 4 năm 2018 tại Viêng Chăn, Lào.")
    events = facts("Bài viết.[1]\n" + text, "event")
    got = [(f.values["edition"], f.dates.begin.iso, f.role("location")[0].name, f.role("superEvent")[0].type)
           for f in events]
    assert got == [(3, "2016", "Thanh Hóa", "series"), (4, "2018", "Viêng Chăn", "series")]
    assert events[0].values["kind"] == "kind-border-provinces-conference"


def test_planned_event_has_no_date_and_is_marked_planned():
    text = ("Hai Bên đã tổ chức Hội nghị Tư pháp các tỉnh có chung đường biên giới Việt Nam – Campuchia "
            "lần thứ nhất vào năm 2017 tại Tây Ninh, và đang chuẩn bị tổ chức Hội nghị lần thứ hai tại Việt Nam.")
    first, second = facts(text, "event")
    assert (first.values["edition"], first.begin.iso) == (1, "2017")
    assert (second.values["edition"], second.dates, second.values.get("planned")) == (2, None, True)
    assert second.role("superEvent") == first.role("superEvent")


def test_membership_in_a_footnote_is_of_the_body_the_marker_follows():
    text = ("Bộ Tư pháp tham gia Tổ chức quốc tế về Luật phát triển (IDLO)[7] tích cực.\n"
            "[7] Việt Nam chính thức trở thành thành viên từ ngày 29/11/2016")
    [membership] = facts(text, "membership")
    assert membership.role("member")[0].name == "Việt Nam"
    assert membership.role("organization")[0].key == "org:IDLO"
    assert membership.begin.iso == "2016-11-29"


def test_which_decree_replaces_which():
    text = ("Chính phủ ban hành Nghị định số 26/2024/NĐ-CP ngày 01/3/2024 về quản lý hợp tác quốc tế "
            "(thay thế Nghị định số 113/2014/NĐ-CP).")
    [repeal] = facts(text, "repeals")
    assert repeal.role("document")[0].attrs["number"] == "26/2024/NĐ-CP"
    assert repeal.role("repeals")[0].attrs["number"] == "113/2014/NĐ-CP"
    passive = facts("Nghị định số 55/2011/NĐ-CP được thay thế bởi Nghị định số 56/2015/NĐ-CP.", "repeals")
    assert passive[0].role("document")[0].attrs["number"] == "56/2015/NĐ-CP"


def test_project_with_funder_and_beneficiary():
    text = ("Bộ Tư pháp trình phê duyệt Dự án ODA của Chính phủ Việt Nam hỗ trợ Bộ Tư pháp Cu Ba.")
    [project] = facts(text, "project")
    assert project.role("fundedBy")[0].name == "Chính phủ Việt Nam"
    assert project.role("beneficiary")[0].name == "Bộ Tư pháp Cu Ba"
    assert project.values["status"] == "status-pending-approval"


def test_visit_with_delegation_head_inviter_and_dates():
    text = ("Nhận lời mời của Giám đốc Cơ quan Thi hành án liên bang Nga, từ ngày 03/8/2025 đến ngày "
            "06/8/2025, Đoàn công tác của Cục Quản lý Thi hành án dân sự do đồng chí Nguyễn Thắng Lợi, "
            "Cục trưởng làm Trưởng đoàn đã có chương trình làm việc với Cơ quan Thi hành án của Liên bang Nga.")
    [visit] = facts(text, "visit")
    assert visit.role("visitor")[0].name == "Cục Quản lý Thi hành án dân sự"
    assert visit.role("host")[0] is visit.role("invitedBy")[0]
    assert visit.role("headOfDelegation")[0].name == "Nguyễn Thắng Lợi"
    assert (visit.dates.begin.iso, visit.dates.until.iso) == ("2025-08-03", "2025-08-06")


def test_evidence_quotes_the_original_text_in_at_most_25_words(corpus_dir):
    for path in sorted(corpus_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        ex = extract(text, doc_id=document_id(text, path.name), name=path.name)
        assert ex.facts
        for fact in ex.facts:
            assert fact.quotes and len(fact.quotes) == len(fact.evidence)
            for (qs, qe), (ss, se) in zip(fact.quotes, fact.evidence):
                assert ss <= qs < qe <= se
                assert len(re.findall(r"\w+", text[qs:qe])) <= 25
        for entity in ex.entities:
            for m in entity.mentions:
                assert text[m.start:m.end] == m.name


def test_the_corpus_mou_of_article_003_is_one_agreement_with_its_signatories(corpus_dir):
    text = (corpus_dir / "003_9143a457ad6a1ee0.txt").read_text(encoding="utf-8")
    [mou] = [f for f in extract(text, doc_id="003").facts if f.kind == "agreement"]
    assert mou.values["kind"] == "kind-mou"
    assert {e.name for e in mou.role("signatory")} == {"Nguyễn Thắng Lợi", "Vladimir Voronin"}
    assert len(mou.role("party")) == 2 and len(mou.evidence) >= 5


def test_document_ids():
    assert document_id("x", "shared/corpus/000_c2ed572a1a45d523.txt") == "000"
    assert document_id("Bộ Tư pháp", "new.txt") == document_id("Bộ  Tư pháp\n", "other.txt")
    assert len(document_id("Bộ Tư pháp")) == 16
