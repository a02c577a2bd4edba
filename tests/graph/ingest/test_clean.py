"""Noise is masked, never removed: offsets into the original text stay valid."""

from __future__ import annotations

from graph.ingest.clean import clean, fold


def test_noise_is_masked_and_offsets_are_kept():
    text = ("TIÊU ĐỀ BÀI VIẾT\nSign In\nTIÊU ĐỀ BÀI VIẾT\nĐoạn mở đầu dài của bài viết.\n"
            "Đoạn mở đầu dài của bài viết.\n.jpg)\nBộ Tư pháp[1] đã ký.\n[1] Ghi chú về ký kết.\n")
    cleaned = clean(text)
    assert len(cleaned.work) == len(text)
    lines = cleaned.work.split("\n")
    assert lines[0] == "TIÊU ĐỀ BÀI VIẾT"          # first occurrence kept
    assert lines[1].strip() == lines[2].strip() == ""  # "Sign In" and the repeated title masked
    assert lines[4].strip() == ""                      # the repeated paragraph masked
    assert lines[5].strip() == ""                      # the image-name fragment masked
    assert lines[6] == "Bộ Tư pháp    đã ký."          # the marker masked, the words in place
    note = cleaned.footnotes[1]
    assert text[note.start:note.end] == "Ghi chú về ký kết."
    assert [text[m:m + 3] for m in note.markers] == ["[1]"]


def test_corpus_scrape_noise_is_masked(corpus_dir):
    text = (corpus_dir / "000_c2ed572a1a45d523.txt").read_text(encoding="utf-8")
    cleaned = clean(text)
    assert "Sign In" in text and "Sign In" not in cleaned.work
    title = text.split("\n", 1)[0]
    assert cleaned.work.count(title) == 1 and text.count(title) == 2
    assert sorted(cleaned.footnotes) == list(range(1, 10))
    # footnote 6 (HCCH membership) is called right after "(HccH)" in the body
    marker = cleaned.footnotes[6].markers[0]
    assert text[marker - 6:marker] == "(HccH)"
    text3 = (corpus_dir / "003_9143a457ad6a1ee0.txt").read_text(encoding="utf-8")
    assert ".jpg)" in text3 and ".jpg)" not in clean(text3).work


def test_fold_unifies_old_and_new_tone_placement_without_moving_characters():
    old, new = "Uỷ ban Hoà giải quốc tế, hoá", "Ủy ban Hòa giải quốc tế, hóa"
    assert fold(old) == fold(new)
    assert len(fold(old)) == len(old)
