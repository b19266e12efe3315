import json

import pytest

from khoidesktop.settings import Settings


def test_defaults_then_saved_values_survive_a_restart(tmp_path):
    path = tmp_path / "settings.json"
    settings = Settings(path)
    assert settings.get("backups_to_keep") == 10 and settings.get("last_database") == ""
    settings.set("last_database", "D:/Chi bộ/chi-bo.sqlite")
    assert Settings(path).get("last_database") == "D:/Chi bộ/chi-bo.sqlite"
    assert "Chi bộ" in path.read_text(encoding="utf-8")  # stored readable, not escaped
    settings.restore_defaults()
    assert Settings(path).get("last_database") == ""


def test_a_damaged_or_foreign_settings_file_falls_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{ not json", encoding="utf-8")
    assert Settings(path).get("backups_to_keep") == 10
    path.write_text(json.dumps({"backups_to_keep": "many", "unknown": 1}), encoding="utf-8")
    assert Settings(path).get("backups_to_keep") == 10


def test_wrong_types_and_unknown_keys_are_refused(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(TypeError):
        settings.set("backups_to_keep", "10")
    with pytest.raises(KeyError):
        settings.get("colour")
