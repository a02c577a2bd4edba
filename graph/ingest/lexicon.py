"""The words the extractor knows before it reads an article.

General knowledge of Vietnamese administrative writing, not of any one article: the head
words that open an organisation's name, titles, surnames, the words a name may hold in
lower case, Viet Nam's provinces and the cities the ministry's news names most, country
names (CLDR's Vietnamese names through :mod:`babel`, plus the spellings the press uses),
and well-known international organisations and donors. Everything is folded with
:func:`graph.ingest.clean.fold` so lookups ignore case and tone placement.
"""

from __future__ import annotations

from functools import cache

from graph.ingest.clean import fold

# --------------------------------------------------------------------------- organisations

#: Head words of organisation names, by the class they usually give.
ORG_HEADS: dict[str, str] = {
    **dict.fromkeys([
        "bộ", "cục", "tổng cục", "chi cục", "vụ", "sở", "viện", "cơ quan", "văn phòng", "ủy ban",
        "ban", "tổ công tác", "nhóm", "chính phủ", "quốc hội", "đại sứ quán", "tổng lãnh sự quán",
        "lãnh sự quán", "thanh tra", "kho bạc", "ngân hàng", "hội đồng", "trung tâm", "phòng",
        "ủy ban nhân dân", "hội đồng nhân dân", "văn phòng thi hành án", "cơ quan thi hành án",
        "bộ ngoại giao", "tổng thống phủ", "phủ thủ tướng", "quỹ",
    ], "government"),
    **dict.fromkeys(["tòa án", "viện kiểm sát", "tham chính viện"], "judicial"),
    **dict.fromkeys(["bộ chính trị", "ban bí thư", "ban chấp hành", "ban cán sự đảng",
                     "đảng ủy", "ban nội chính", "ban tuyên giáo", "ban đối ngoại"], "party"),
    **dict.fromkeys(["hội", "liên đoàn", "hiệp hội", "đoàn luật sư", "phòng thương mại"], "association"),
    **dict.fromkeys(["trường", "trường đại học", "đại học", "học viện", "khoa"], "education"),
    **dict.fromkeys(["tổ chức", "liên minh", "liên hợp quốc", "cao ủy"], "international"),
}

#: Heads that name an organisation on their own ("trình Chính phủ ban hành").
STANDALONE_HEADS = frozenset({"chính phủ", "quốc hội", "bộ chính trị", "ban bí thư", "tham chính viện",
                              "ban cán sự đảng"})

#: A head followed by these words is an ordinary word, not a name ("Bộ trưởng", "Hội nghị").
NOT_A_NAME = frozenset({
    "bộ trưởng", "bộ máy", "bộ phận", "bộ tứ", "bộ ngành", "bộ luật", "bộ ngành", "bộ công cụ",
    "cục trưởng", "vụ trưởng", "vụ án", "vụ kiện", "vụ việc", "viện trưởng", "viện trợ", "viện dẫn",
    "sở hữu", "sở trường", "sở dĩ", "ban hành", "ban đầu", "ban ngành", "hội nghị", "hội thảo",
    "hội đàm", "hội nhập", "hội tụ", "hội viên", "hội chợ", "hội họa", "nhóm họp", "trường hợp",
    "phòng chống", "phòng ngừa", "phòng tránh", "trung tâm điểm", "văn phòng phẩm", "khoa học",
    "tổ chức thực hiện", "tổ chức thi hành", "tổ chức thực thi", "tổ chức thành công", "tổ chức các",
    "tổ chức nhiều", "tổ chức buổi", "tổ chức hội nghị", "tổ chức bộ máy", "tổ chức thu hồi",
    "tổ chức tín dụng", "quỹ đạo", "cơ quan công quyền", "cơ quan có thẩm quyền", "đại học luật",
})

#: Lower-case syllables an organisation or forum name may contain ("dân sự", "tối cao").
NAME_WORDS = frozenset(fold(" ".join("""
    dân sự nhân tối cao quốc gia liên bang khu vực trung ương hỗn hợp pháp chế luật lý tư vấn
    bảo vệ người tiêu dùng đối tác quan hệ thi hành án công chứng thừa phát lại cán kiểm sát
    hình chính tế thương mại tài nội vụ ngoại giao đại học an ninh xã hội kinh nghiệp đoàn
    giám định hòa giải trọng phổ biến giáo dục đào tạo bồi dưỡng hợp tác phát triển quản
    hành nghề lao động thường trực đặc biệt cấp các tỉnh có chung đường biên giới mở rộng
    niên thường thời sách chủ đề văn hóa kỷ niệm năm thuật chất lượng sở hữu trí tuệ
    môi trường trẻ em phụ nữ quyền con thông tin truyền số hóa điện tử chuyển đổi nhà nước
    đăng ký trợ giúp xử lý vi phạm hành chính theo dõi hộ tịch quốc tịch chứng thực lý lịch
    nghiên cứu khoa học cải cách tổng hợp kế hoạch tổ chức cán bộ đoàn thanh niên miền
    phủ sư viên trị thư ký
    """.split())).split())

#: Lower-case tails a name may end on ("… dân sự", "… tối cao"); others are trimmed.
NAME_TAILS = frozenset(fold(t) for t in [
    "dân sự", "hình sự", "hành chính", "tối cao", "quốc gia", "trung ương", "hỗn hợp", "tư vấn",
    "pháp luật", "pháp lý", "pháp chế", "tư pháp", "công chứng", "thừa phát lại", "luật sư",
    "quốc tế", "thường niên", "mở rộng", "cấp cao", "đặc biệt", "phát triển", "kinh tế",
    "người tiêu dùng", "đối tác pháp luật", "nhân dân", "khu vực", "liên bang", "hợp tác",
    "kiểm sát", "thi hành án", "nội chính", "hộ tịch", "quốc tịch", "trợ giúp pháp lý",
    "chính sách", "văn hóa", "hòa giải", "trọng tài", "sở hữu trí tuệ", "nhà nước",
    "chuyển đổi số", "đối ngoại", "tổng hợp", "cán bộ", "thường trực", "an ninh", "lao động",
])

# --------------------------------------------------------------------------- events

#: Head words of events and forums, with the event kind they give (docs/model.md).
EVENT_HEADS: dict[str, str] = {
    "hội nghị": "kind-working-session", "phiên họp": "kind-working-session",
    "kỳ họp": "kind-working-session", "cuộc họp": "kind-working-session",
    "lễ kỷ niệm": "kind-anniversary-ceremony", "lễ ký kết": "kind-signing-ceremony",
    "lễ ký": "kind-signing-ceremony", "lễ hội": "kind-cultural-festival",
    "diễn đàn": "kind-forum-session", "hội thảo": "kind-working-session",
    "tọa đàm": "kind-working-session", "phiên đối thoại": "kind-policy-dialogue",
    "tuần lễ": "kind-cultural-festival",
}

#: Words in an event's name that say its kind better than its head does.
EVENT_KIND_WORDS: list[tuple[str, str]] = [
    ("tỉnh có chung đường biên giới", "kind-border-provinces-conference"),
    ("quan chức", "kind-senior-officials-meeting"), ("bộ trưởng", "kind-ministerial-meeting"),
    ("ủy ban hỗn hợp", "kind-joint-committee-session"), ("ban chấp hành", "kind-party-plenum"),
    ("kỷ niệm", "kind-anniversary-ceremony"), ("ký kết", "kind-signing-ceremony"),
    ("đối thoại", "kind-policy-dialogue"), ("diễn đàn", "kind-forum-session"),
]

#: Agreement nouns, with their kind (coop:AgreementKindScheme).
AGREEMENT_KINDS: dict[str, str] = {
    "hiệp định": "kind-agreement", "bản ghi nhớ": "kind-mou", "biên bản ghi nhớ": "kind-mou",
    "bản thỏa thuận": "kind-international-agreement", "thỏa thuận quốc tế": "kind-international-agreement",
    "thỏa thuận": "kind-international-agreement", "chương trình hợp tác": "kind-cooperation-programme",
    "tuyên bố chung": "kind-joint-statement", "văn kiện hợp tác": "kind-cooperation-document",
    "nghị định thư": "kind-agreement", "kế hoạch hợp tác": "kind-cooperation-programme",
    "hiệp định tương trợ tư pháp": "kind-agreement",
}

# --------------------------------------------------------------------------- people

#: Titles before (or after) a person's name, folded.
TITLES = frozenset(fold(t) for t in [
    "Tổng Bí thư", "Chủ tịch nước", "Chủ tịch", "Phó Chủ tịch", "Thủ tướng", "Phó Thủ tướng",
    "Bộ trưởng", "Thứ trưởng", "Quyền Bộ trưởng", "Cục trưởng", "Phó Cục trưởng", "Tổng cục trưởng",
    "Vụ trưởng", "Phó Vụ trưởng", "Viện trưởng", "Phó Viện trưởng", "Giám đốc", "Phó Giám đốc",
    "Quyền Giám đốc", "Tổng Giám đốc", "Đại sứ", "Tổng Lãnh sự", "Chánh án", "Phó Chánh án",
    "Trưởng đoàn", "Trưởng ban", "Phó Trưởng ban", "Tổng thống", "Phó Tổng thống", "Chánh Văn phòng",
    "Chủ nhiệm", "Tổng Thư ký", "Trưởng phòng", "Phó Trưởng phòng", "Chấp hành viên", "Hiệu trưởng",
    "Giám đốc Học viện", "Chủ tịch Quốc hội", "Bí thư", "Thẩm phán",
])
#: Words that introduce a person without being a post.
HONORIFICS = frozenset(fold(t) for t in ["đồng chí", "ông", "bà", "ngài", "GS", "PGS", "TS", "ThS", "Luật sư"])

#: Which organisation head a title belongs to ("Cục trưởng" → a "Cục …").
TITLE_HEADS: dict[str, tuple[str, ...]] = {
    fold("Cục trưởng"): ("cục",), fold("Phó Cục trưởng"): ("cục",), fold("Vụ trưởng"): ("vụ",),
    fold("Bộ trưởng"): ("bộ",), fold("Thứ trưởng"): ("bộ",), fold("Viện trưởng"): ("viện",),
    fold("Đại sứ"): ("đại sứ quán",), fold("Tổng Lãnh sự"): ("tổng lãnh sự quán",),
    fold("Chánh án"): ("tòa án",), fold("Giám đốc"): ("cơ quan", "sở", "học viện", "trung tâm", "văn phòng"),
    fold("Quyền Giám đốc"): ("cơ quan", "sở", "học viện", "trung tâm", "văn phòng"),
    fold("Phó Giám đốc"): ("cơ quan", "sở", "học viện", "trung tâm", "văn phòng"),
    fold("Tổng Bí thư"): ("ban chấp hành",), fold("Hiệu trưởng"): ("trường",),
}

SURNAMES = frozenset(fold(s) for s in """
    Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Tô Đinh Lâm Trương Mai
    Cao Đào Đoàn Vương Trịnh Hà Lương Tạ Chu Kiều Thái Lưu Quách Tăng Triệu Phùng Từ Khổng Âu Mạc
    Thân Ninh Kim Lại Diệp Đàm Tống Giang Doãn Khúc Nông Quan Thạch Văn Viên Hứa Lục Châu Tôn Ông
""".split())

# --------------------------------------------------------------------------- places

PROVINCES = """
    Hà Nội; Thành phố Hồ Chí Minh; TP. Hồ Chí Minh; Hải Phòng; Đà Nẵng; Cần Thơ; Huế; An Giang;
    Bà Rịa - Vũng Tàu; Bắc Giang; Bắc Kạn; Bạc Liêu; Bắc Ninh; Bến Tre; Bình Định; Bình Dương;
    Bình Phước; Bình Thuận; Cà Mau; Cao Bằng; Đắk Lắk; Đắk Nông; Điện Biên; Đồng Nai; Đồng Tháp;
    Gia Lai; Hà Giang; Hà Nam; Hà Tĩnh; Hải Dương; Hậu Giang; Hòa Bình; Hưng Yên; Khánh Hòa;
    Kiên Giang; Kon Tum; Lai Châu; Lâm Đồng; Lạng Sơn; Lào Cai; Long An; Nam Định; Nghệ An;
    Ninh Bình; Ninh Thuận; Phú Thọ; Phú Yên; Quảng Bình; Quảng Nam; Quảng Ngãi; Quảng Ninh;
    Quảng Trị; Sóc Trăng; Sơn La; Tây Ninh; Thái Bình; Thái Nguyên; Thanh Hóa; Thừa Thiên Huế;
    Tiền Giang; Trà Vinh; Tuyên Quang; Vĩnh Long; Vĩnh Phúc; Yên Bái; Điện Biên Phủ
"""
CITIES = """
    Viêng Chăn; Luông Pha Băng; Luang Prabang; Chăm Pa Xắc; Xiêng Khoảng; Hủa Phăn; Bò Kẹo;
    Phnôm Pênh; Phnom Penh; Siêm Riệp; Xiêm Riệp; Bát Tam Bang; Svay Rieng; Ratanakiri; Kampot;
    Bắc Kinh; Thượng Hải; Quảng Châu; Nam Ninh; Côn Minh; Quảng Tây; Vân Nam; Hồng Kông;
    Matxcơva; Mát-xcơ-va; Moscow; Xanh Pê-téc-bua; Xanh-pê-tec-bua; Saint Petersburg; Saint-Petersburg;
    Saint-Peterburg; Tokyo; Tô-ky-ô; Seoul; Xơ-un; Paris; Pa-ri; Berlin; Bon; Luân Đôn; London;
    Oa-sinh-tơn; Washington; La Hay; The Hague; Giơ-ne-vơ; Geneva; Viên; Vienna; Rôma; Băng Cốc;
    Bangkok; Gia-các-ta; Jakarta; Kuala Lumpur; Manila; Yangon; Nay Pyi Taw; Havana; La Habana;
    Ottawa; Canberra; Xít-ni; New Delhi; Niu Đê-li; Ulan Bato; Brúc-xen; Brussels; Strasbourg;
    Xtốc-khôm; Stockholm; Cô-pen-ha-ghen; Amsterdam; Madrid; Lisbon; Praha; Vácsava; Budapest;
    Minsk; Kiev; Astana; Tashkent; Baku; Ankara; Cairo; Nairobi; Pretoria; Algiers; Brasilia
"""


#: Regions: recognised so that "Châu Phi" is not read as a person, but not extracted.
REGIONS = """
    Châu Phi; châu Phi; Châu Âu; châu Âu; Châu Á; châu Á; Châu Mỹ; Mỹ La-tinh; Đông Nam Á; Đông Á;
    Nam Á; Trung Á; Trung Đông; Bắc Mỹ; Nam Mỹ; Tây Âu; Đông Âu; Bắc Âu; Châu Đại Dương;
    Thái Bình Dương; Ấn Độ Dương; Tây Nguyên; Đồng bằng sông Cửu Long; Tây Bắc; Năm Châu
"""


def _split(block: str) -> list[str]:
    return [name.strip() for name in block.replace("\n", " ").split(";") if name.strip()]


#: Country spellings the press uses that CLDR does not list, by ISO 3166 code.
COUNTRY_ALIASES: dict[str, list[str]] = {
    "RU": ["Liên bang Nga", "LB Nga", "Nga", "Cộng hòa Liên bang Nga"],
    "DE": ["CHLB Đức", "Cộng hòa Liên bang Đức", "Liên bang Đức", "Đức"],
    "DD": ["Cộng hòa Dân chủ Đức", "CHDC Đức", "Đông Đức"],
    "CU": ["Cu Ba", "Cu-ba", "Cộng hòa Cu Ba"],
    "IT": ["Italia", "I-ta-li-a", "Ý"],
    "AZ": ["Azecbaijan", "A-déc-bai-gian", "Adecbaidan"],
    "LA": ["Lào", "CHDCND Lào", "Cộng hòa Dân chủ Nhân dân Lào"],
    "KH": ["Campuchia", "Cam-pu-chia", "Vương quốc Campuchia"],
    "CN": ["Trung Quốc", "Cộng hòa Nhân dân Trung Hoa", "Trung Hoa"],
    "VN": ["Việt Nam", "Cộng hòa XHCN Việt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam",
           "nước Cộng hòa XHCN Việt Nam", "CHXHCN Việt Nam"],
    "SG": ["Cộng hòa Singapore", "Xinh-ga-po", "Xin-ga-po"],
    "US": ["Hoa Kỳ", "Mỹ", "Hợp chúng quốc Hoa Kỳ"],
    "JP": ["Nhật Bản", "Nhật"], "KR": ["Hàn Quốc", "Đại Hàn Dân Quốc"],
    "AU": ["Australia", "Úc", "Ô-xtrây-li-a"], "GB": ["Vương quốc Anh", "Anh"],
    "FR": ["Pháp", "Cộng hòa Pháp"], "DZ": ["Algeria", "An-giê-ri"], "IN": ["Ấn Độ"],
    "MN": ["Mông Cổ"], "ZA": ["Nam Phi"], "CA": ["Canada", "Ca-na-đa"], "TH": ["Thái Lan"],
    "MM": ["Myanmar", "Mi-an-ma"], "ID": ["Indonesia", "In-đô-nê-xi-a"], "PH": ["Philippines", "Phi-líp-pin"],
    "MY": ["Malaysia", "Ma-lai-xi-a"], "BN": ["Brunei", "Bru-nây"], "NL": ["Hà Lan"], "BE": ["Bỉ"],
    "BY": ["Belarus", "Bê-la-rút"], "KZ": ["Kazakhstan", "Ca-dắc-xtan"], "UZ": ["Uzbekistan", "U-dơ-bê-ki-xtan"],
}
#: Country names that are also ordinary words or given names: matched only capitalised and
#: never before these lower-case words ("Pháp luật", "Anh em").
COUNTRY_NOT_BEFORE = frozenset(fold(w) for w in [
    "luật", "lý", "chế", "quyền", "lệnh", "nhân", "điển", "y", "em", "hùng", "chị", "ấy",
])

#: Well-known international organisations, programmes and donors: (names, abbreviation).
INTERNATIONAL = [
    (["Hiệp hội các quốc gia Đông Nam Á", "Association of Southeast Asian Nations"], "ASEAN"),
    (["Liên minh châu Âu", "Liên minh Châu Âu", "European Union"], "EU"),
    (["Liên hợp quốc", "Liên Hợp Quốc", "United Nations"], "UN"),
    (["Chương trình Phát triển Liên hợp quốc"], "UNDP"), (["Quỹ Nhi đồng Liên hợp quốc"], "UNICEF"),
    (["Cơ quan Liên hợp quốc về Bình đẳng giới", "UN Women"], "UNWOMEN"),
    (["Cơ quan Phòng chống Ma túy và Tội phạm của Liên hợp quốc"], "UNODC"),
    (["Cao ủy Liên hợp quốc về người tị nạn"], "UNHCR"), (["Quỹ Dân số Liên hợp quốc"], "UNFPA"),
    (["Tổ chức Giáo dục, Khoa học và Văn hóa Liên hợp quốc"], "UNESCO"),
    (["Tổ chức Lao động Quốc tế"], "ILO"), (["Tổ chức Thương mại Thế giới"], "WTO"),
    (["Tổ chức Sở hữu trí tuệ Thế giới"], "WIPO"), (["Quỹ Tiền tệ Quốc tế"], "IMF"),
    (["Ngân hàng Thế giới", "World Bank"], "WB"), (["Ngân hàng Phát triển châu Á"], "ADB"),
    (["Công ty Tài chính Quốc tế"], "IFC"), (["Cơ quan Hợp tác Quốc tế Nhật Bản"], "JICA"),
    (["Cơ quan Hợp tác Quốc tế Hàn Quốc"], "KOICA"), (["Cơ quan Phát triển Quốc tế Hoa Kỳ"], "USAID"),
    (["Tổ chức Hợp tác Quốc tế Đức"], "GIZ"), (["Cơ quan Phát triển Pháp"], "AFD"),
    (["Hội nghị La Hay về tư pháp quốc tế", "Hội nghị La Hay về Tư pháp quốc tế",
      "Hội nghị La Hay", "Hague Conference on Private International Law"], "HCCH"),
    (["Tổ chức quốc tế về Luật phát triển", "Tổ chức Luật Phát triển Quốc tế",
      "International Development Law Organization"], "IDLO"),
    (["Ủy ban Liên hợp quốc về Luật Thương mại quốc tế"], "UNCITRAL"),
    (["Viện Quốc tế về Thống nhất Luật tư"], "UNIDROIT"), (["Tổ chức Cảnh sát Hình sự Quốc tế"], "INTERPOL"),
    (["Diễn đàn Hợp tác Kinh tế châu Á - Thái Bình Dương"], "APEC"),
    (["Tổ chức Hợp tác và Phát triển Kinh tế"], "OECD"), (["Nhóm các nước công nghiệp phát triển"], "G7"),
    (["Liên minh Nghị viện ASEAN"], "AIPA"), (["Tòa án Công lý Quốc tế"], "ICJ"),
    (["Tòa án Trọng tài Thường trực"], "PCA"), (["Tòa án Hình sự Quốc tế"], "ICC"),
]


@cache
def countries() -> dict[str, tuple[str, str]]:
    """Folded country name → (ISO code, preferred Vietnamese name)."""
    from babel import Locale  # CLDR data; loaded once, when the first article is read

    names: dict[str, tuple[str, str]] = {}
    territories = Locale("vi").territories
    for code, name in territories.items():
        if len(code) == 2 and code.isalpha() and code not in {"ZZ", "EU", "EZ", "UN", "QO"}:
            names.setdefault(fold(name), (code, name))
    for code, name in Locale("en").territories.items():
        if len(code) == 2 and code.isalpha() and code not in {"ZZ", "EU", "EZ", "UN", "QO"}:
            names.setdefault(fold(name), (code, territories.get(code, name)))
    for code, aliases in COUNTRY_ALIASES.items():
        preferred = aliases[0] if code == "DD" else territories.get(code, aliases[0])
        for alias in aliases:
            names[fold(alias)] = (code, preferred)
    return names


@cache
def places() -> dict[str, str]:
    """Folded place name → its preferred spelling (provinces of Viet Nam and major cities)."""
    found = {fold(n): n for n in _split(CITIES)}
    found.update({fold(n): "" for n in _split(REGIONS)})
    found.update({fold(n): n for n in _split(PROVINCES)})
    return found


def province_names() -> frozenset[str]:
    return frozenset(fold(n) for n in _split(PROVINCES))


@cache
def international() -> dict[str, tuple[str, str]]:
    """Folded name or abbreviation → (abbreviation, preferred name) of an international body."""
    found: dict[str, tuple[str, str]] = {}
    for names, abbreviation in INTERNATIONAL:
        for name in names + [abbreviation]:
            found[fold(name)] = (abbreviation, names[0])
    return found
