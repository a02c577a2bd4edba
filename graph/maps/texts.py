"""Every word of the map's interface, in Vietnamese and English.

The page switches language without reloading, so all of these travel with it; the
``{n}``-style placeholders are filled in by the page's script.
"""

from __future__ import annotations

UI: dict[str, tuple[str, str]] = {
    "search": ("Tìm tổ chức, quốc gia…", "Search an organisation or country…"),
    "search_label": ("Tìm kiếm", "Search"),
    "no_match": ("Không tìm thấy", "Nothing found"),
    "legend": ("Chú giải và bộ lọc", "Legend and filters"),
    "classes": ("Loại", "Types"),
    "years": ("Năm", "Years"),
    "from": ("Từ", "From"),
    "to": ("Đến", "To"),
    "undated": ("Gồm cả quan hệ không rõ năm", "Include undated links"),
    "reset": ("Đặt lại", "Reset"),
    "save_png": ("Lưu ảnh PNG", "Save as PNG"),
    "language": ("Ngôn ngữ", "Language"),
    "counts": ("{nodes} nút · {edges} quan hệ", "{nodes} nodes · {edges} links"),
    "visible": ("Đang hiện {nodes}/{total} nút", "Showing {nodes} of {total} nodes"),
    "capped": ("Bản đồ chỉ hiện {shown} nút trung tâm nhất trong tổng số {total} (theo {measure}).",
               "The map shows the {shown} most central of {total} nodes (by {measure})."),
    "overview_link": ("Xem toàn cảnh cả {total} nút", "See all {total} nodes in the overview"),
    "window": ("Giai đoạn {since}–{until}", "Period {since}–{until}"),
    "hint": ("Nhấp vào một nút để làm nổi bật các đối tác; nhấp vào một cạnh để xem bằng chứng.",
             "Click a node to highlight its partners; click a link to read the evidence."),
    "details": ("Chi tiết", "Details"),
    "close": ("Đóng", "Close"),
    "type": ("Loại", "Type"),
    "country": ("Quốc gia", "Country"),
    "partners": ("Đối tác ({n})", "Partners ({n})"),
    "relation": ("Quan hệ", "Relation"),
    "activities": ("Hoạt động ({n})", "Activities ({n})"),
    "evidence": ("Bằng chứng", "Evidence"),
    "document": ("Bài viết {doc}", "Article {doc}"),
    "undated_short": ("không rõ năm", "undated"),
    "more": ("… và {n} hoạt động khác", "… and {n} more activities"),
    "open_page": ("Mở trang thực thể", "Open the entity page"),
    "centre": ("Trung tâm", "Centre"),
    "pagerank": ("PageRank", "PageRank"),
    "degree": ("số đối tác", "number of partners"),
    "weighted_degree": ("số hoạt động chung", "shared activities"),
    "empty": ("Không có quan hệ nào trong phạm vi đã chọn.", "No links in the chosen range."),
}


def ui_texts() -> dict[str, dict[str, str]]:
    """``{key: {"vi": …, "en": …}}`` for the page.

    >>> ui_texts()["save_png"]["en"]
    'Save as PNG'
    """
    return {key: {"vi": vi, "en": en} for key, (vi, en) in UI.items()}
