"""The words of the HTML pages in Vietnamese (the default) and English."""

from __future__ import annotations

LANGUAGES = ("vi", "en")

STRINGS: dict[str, tuple[str, str]] = {  # key: (vi, en)
    "title": ("Hợp tác quốc tế về pháp luật và tư pháp", "International legal and judicial cooperation"),
    "tagline": ("Ai hợp tác với ai, qua thỏa thuận, sự kiện, dự án nào, khi nào và theo nguồn nào — "
                "đồ thị tri thức từ các bài viết của Bộ Tư pháp Việt Nam.",
                "Who cooperates with whom, through which agreements, events and projects, when, and on "
                "what evidence — a knowledge graph built from the articles of Viet Nam's Ministry of Justice."),
    "home": ("Trang chủ", "Home"),
    "search": ("Tìm kiếm", "Search"),
    "search_placeholder": ("Tên cơ quan, quốc gia, viết tắt… (ví dụ: bo tu phap, THADS)",
                           "Name of a body, country, abbreviation… (e.g. Ministry of Justice, THADS)"),
    "no_results": ("Không tìm thấy kết quả.", "Nothing found."),
    "top_partners": ("Đối tác chính của Bộ Tư pháp Việt Nam", "Top partners of the Ministry of Justice of Viet Nam"),
    "activities": ("hoạt động", "activities"),
    "maps": ("Bản đồ", "Maps"),
    "network_map": ("Bản đồ mạng lưới đối tác", "Partner network map"),
    "countries_map": ("Bản đồ các quốc gia", "Countries map"),
    "api_docs": ("Tài liệu API", "API documentation"),
    "sparql": ("Truy vấn SPARQL", "SPARQL query"),
    "examples": ("Truy vấn mẫu", "Example queries"),
    "run": ("Chạy", "Run"),
    "format": ("Định dạng", "Format"),
    "rows": ("dòng", "rows"),
    "error": ("Lỗi", "Error"),
    "documents": ("Tài liệu nguồn", "Source documents"),
    "types": ("Loại", "Types"),
    "labels": ("Tên gọi", "Labels"),
    "alt_labels": ("Tên khác, viết tắt", "Other names, abbreviations"),
    "properties": ("Thuộc tính", "Properties"),
    "outgoing": ("Quan hệ", "Relations"),
    "incoming": ("Được nhắc đến trong", "Referred to by"),
    "mentions": ("Trích dẫn trong bài viết", "Quoted in the articles"),
    "evidence": ("Bằng chứng", "Evidence"),
    "document": ("Bài viết", "Article"),
    "graph": ("Đồ thị", "Graph"),
    "facts": ("Sự kiện, dữ kiện rút ra", "Facts drawn from it"),
    "metadata": ("Thông tin", "Metadata"),
    "download": ("Tải về", "Download"),
    "language": ("Ngôn ngữ", "Language"),
    "endpoints": ("Các điểm truy cập", "Endpoints"),
    "parameters": ("Tham số", "Parameters"),
    "responses": ("Phản hồi", "Responses"),
    "example": ("Ví dụ", "Example"),
    "openapi": ("Tài liệu OpenAPI (JSON)", "OpenAPI document (JSON)"),
    "gazetteer": ("danh mục thực thể", "gazetteer"),
}


def pick(lang: str | None) -> str:
    """``vi`` unless ``en`` is asked for.

    >>> pick("en"), pick("fr"), pick(None)
    ('en', 'vi', 'vi')
    """
    return lang if lang in LANGUAGES else "vi"


def translator(lang: str):
    """A function ``t(key)`` giving the page's words in ``lang``.

    >>> translator("en")("search")
    'Search'
    """
    index = LANGUAGES.index(pick(lang))
    return lambda key: STRINGS[key][index]
