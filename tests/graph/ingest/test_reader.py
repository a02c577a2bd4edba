"""Reading articles: bad input is refused with a message that names the file and the problem."""

from __future__ import annotations

import pytest

from graph.errors import InvalidInput
from graph.ingest.reader import decode, read_article


def test_plain_utf8_text_is_read_unchanged(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Bộ Tư pháp Lào\nSign In\n", encoding="utf-8")
    article = read_article(path)
    assert article.text == "Bộ Tư pháp Lào\nSign In\n"
    assert not article.html


def test_html_page_is_stripped_to_its_visible_text(tmp_path):
    path = tmp_path / "a.html"
    path.write_text("<!doctype html><html><head><title>x</title><script>var a=1;</script></head>"
                    "<body><h1>Tin tức</h1><p>Bộ Tư pháp&nbsp;ký <b>Bản ghi nhớ</b>.</p></body></html>",
                    encoding="utf-8")
    article = read_article(path)
    assert article.html
    assert article.text == "Tin tức\nBộ Tư pháp ký Bản ghi nhớ."


@pytest.mark.parametrize(("data", "message"), [
    (b"", "the file is empty"),
    (b"   \n\t\n", "the file is empty"),
    (b"%PDF-1.7\n\x00\x01binary", "binary file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
    ("Bộ Tư pháp".encode("utf-16"), "UTF-16, not UTF-8"),
    # Windows-1258 writes the tone as a combining mark after a (possibly hatted) vowel
    ("Bô\u0323 Tư pha\u0301p ky\u0301 Ba\u0309n ghi nhơ\u0301 vơ\u0301i La\u0300o".encode("cp1258"),
     "looks like Windows-1258 (Vietnamese)"),
    ("Café à Paris".encode("latin-1"), "looks like Windows-1252"),
])
def test_bad_files_are_refused_naming_the_file_and_the_problem(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InvalidInput) as error:
        read_article(path)
    assert str(error.value).startswith(str(path))
    assert message in str(error.value)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Bộ Tư pháp. " * 200, encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"big\.txt: the file is 3,200 bytes, over the ingest limit of 1,000 bytes"):
        read_article(path, max_bytes=1000)


def test_non_utf8_names_the_first_bad_byte():
    with pytest.raises(InvalidInput, match=r"x\.txt: the text is not UTF-8 \(invalid byte 0xe0 at byte 3\)"):
        decode(b"abc\xe0 Tu phap", "x.txt")


def test_decomposed_tones_are_composed_so_names_match():
    import unicodedata

    from graph.ingest.extract import extract

    nfd = unicodedata.normalize("NFD", "Bộ Tư pháp Lào đã ký Bản ghi nhớ.")
    article = decode(nfd.encode("utf-8"), "nfd.txt")
    assert article.text == "Bộ Tư pháp Lào đã ký Bản ghi nhớ."
    assert "Bộ Tư pháp Lào" in {e.name for e in extract(article.text, doc_id="t").entities}
