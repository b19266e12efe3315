import unicodedata

import pytest

from khoidesktop.domain.names import fold, matches, normalize_text, sort_key, split_name


def ordered(names: list[str]) -> list[str]:
    return sorted(names, key=sort_key)


@pytest.mark.parametrize(
    "first, second",
    [
        ("Hà", "Hải"),
        ("Hải", "Hanh"),
        ("Hà", "Hanh"),  # letters decide before the tone
        ("Đình", "Định"),  # same letters: huyền before nặng
        ("Thắng", "Thông"),  # ă before ô
        ("Ba", "Bà"),
        ("Bà", "Bả"),
        ("Bả", "Bã"),
        ("Bã", "Bá"),
        ("Bá", "Bạ"),  # none<huyền<hỏi<ngã<sắc<nặng
        ("Dũng", "Đức"),  # d before đ
        ("An", "Ân"),
        ("Ăn", "Ân"),
        ("Ơn", "Ưng"),
        ("Uyên", "Ưng"),
        ("Y", "Yến"),
    ],
)
def test_given_names_follow_the_vietnamese_alphabet_then_the_tone(first, second):
    assert sort_key(first) < sort_key(second)


def test_given_name_then_middle_then_family():
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Nguyễn Văn An", "Bùi Văn An", "Phạm An"]
    assert ordered(names) == ["Phạm An", "Nguyễn Thị An", "Bùi Văn An", "Lê Văn An", "Nguyễn Văn An", "Trần Văn Bình"]


def test_a_longer_middle_name_comes_after_its_prefix():
    assert ordered(["Lê Văn Thị An", "Lê Văn An"]) == ["Lê Văn An", "Lê Văn Thị An"]


def test_decomposed_input_sorts_and_folds_like_composed():
    composed = "Nguyễn Văn Định"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert sort_key(decomposed) == sort_key(composed)
    assert fold(decomposed) == fold(composed) == "nguyen van dinh"
    assert normalize_text(decomposed) == composed


def test_case_does_not_change_the_order():
    assert sort_key("NGUYỄN VĂN ĐỊNH") == sort_key("nguyễn văn định")


def test_split_name():
    assert split_name("  Nguyễn   Thị  Minh Khai ") == ("Nguyễn", "Thị Minh", "Khai")
    assert split_name("Lê Lợi") == ("Lê", "", "Lợi")
    assert split_name("Hùng") == ("", "", "Hùng")
    assert split_name("") == ("", "", "")


def test_search_ignores_case_and_diacritics():
    key = fold("Nguyễn Văn Định")
    assert matches("dinh", key)
    assert matches("NGUYEN van", key)
    assert matches("Định", key)
    assert matches("van dinh", key)
    assert not matches("dinh thi", key)
    assert fold("Đặng Thị Ánh") == "dang thi anh"


def test_text_from_old_encodings_and_copy_paste_is_cleaned():
    assert normalize_text("Ðình") == "Đình"  # U+00D0 typed for Đ by old converters
    assert fold("Ðình") == "dinh" and sort_key("Ðình") == sort_key("Đình")
    assert normalize_text("Văn\u200b An\ufeff") == "Văn An"


def test_letters_outside_the_alphabet_sort_as_their_base_letter():
    assert sort_key("Y Bhin Ayŭn") < sort_key("Y Bhin Ayza")  # ŭ sorts as u (Ê Đê names)
    key = sort_key("Kim 히")  # another script: sorted after our letters, and storable
    key.encode("utf-8")


def test_unit_names_sort_word_by_word_from_the_first():
    from khoidesktop.domain.names import text_key

    names = ["Chi bộ Sở Y tế", "Chi bộ Ban Dân tộc", "Chi bộ Đài Phát thanh", "Chi bộ Cục Thuế tỉnh", "Chi bộ Dân vận"]
    assert sorted(names, key=text_key) == [
        "Chi bộ Ban Dân tộc",
        "Chi bộ Cục Thuế tỉnh",
        "Chi bộ Dân vận",
        "Chi bộ Đài Phát thanh",
        "Chi bộ Sở Y tế",
    ]


def test_control_and_bidi_characters_are_removed_on_the_way_in():
    """Issue 15, item 8: ESC sequences, LRM/RLM, the overrides (RLO) and isolates (LRI…PDI) never reach the data."""
    from khoidesktop.domain.names import normalize_block

    hostile = "\u200eChi bộ\u202e Sở\u2066 Tài\u2069 chính\x1b[31m\x07\x00"
    assert normalize_text(hostile) == "Chi bộ Sở Tài chính[31m"
    assert normalize_text("Nguyễn\x1c Văn\x85An") == "Nguyễn Văn An"  # separators become spaces
    block = "1. Khai mạc\x1b[2J\n   - Điểm danh\u202e\r\n2. Kết luận  \n"
    assert normalize_block(block) == "1. Khai mạc[2J\n   - Điểm danh\n2. Kết luận"


def test_namesakes_are_told_apart_by_their_birth_year_in_pick_lists():
    from datetime import date

    from khoidesktop.domain.names import told_apart

    people = [
        ("Nguyễn Văn An", date(1980, 5, 2)),
        ("Trần Thị Bình", date(1975, 1, 1)),
        ("Nguyễn Văn An", date(1992, 7, 9)),
        ("Lê Văn Cường", date(1970, 3, 4)),
        ("Lê Văn Cường", date(1970, 11, 30)),
    ]
    assert told_apart(people) == [
        "Nguyễn Văn An (1980)",
        "Trần Thị Bình",  # no one else has the name: as it is
        "Nguyễn Văn An (1992)",
        "Lê Văn Cường (04/03/1970)",  # the same year too: the whole birth date
        "Lê Văn Cường (30/11/1970)",
    ]
