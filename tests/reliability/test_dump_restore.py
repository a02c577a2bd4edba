"""``coop dump`` and ``coop restore``: the backup round-trips, and a bad file changes nothing."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.settings import get_settings

DOC_000 = "https://w3id.org/coop/graph/doc/000"


@pytest.fixture
def coop(monkeypatch):
    """Run ``coop ARGS`` in this process; ``--store`` sets COOP_STORE, undone afterwards."""
    monkeypatch.setenv("COOP_STORE", "memory")
    get_settings.cache_clear()
    runner = CliRunner()

    def invoke(*args: object):
        return runner.invoke(app, [str(a) for a in args])

    yield invoke
    get_settings.cache_clear()


def untouched(kit, store_dir, before: bytes) -> bool:
    return kit.dump_of(store_dir) == before


def sizes(kit, store_dir) -> str:
    """``"N quads in G named graphs"`` as the commands say it, counted from the store's dump."""
    graphs = kit.canonical(kit.dump_of(store_dir))
    return f"{sum(map(len, graphs.values())):,} quads in {len(graphs)} named graphs"


@pytest.mark.parametrize("name", ["backup.nq", "backup.trig.gz"])
def test_dump_then_restore_gives_back_the_same_dataset(coop, kit, store_dir, tmp_path, name):
    original = kit.canonical(kit.dump_of(store_dir))
    size = f"{sum(map(len, original.values())):,} quads in {len(original)} named graphs"
    backup = tmp_path / name
    dumped = coop("--store", store_dir, "dump", backup)
    assert dumped.exit_code == 0, dumped.output
    assert dumped.stdout == ""  # progress goes to stderr
    assert f"wrote {backup}: {size}" in dumped.stderr

    target = tmp_path / "restored"
    restored = coop("--store", target, "restore", backup)
    assert restored.exit_code == 0, restored.output
    assert f"restored {backup}: {size}" in restored.stderr
    assert kit.canonical(kit.dump_of(target)) == original
    assert DOC_000 in original and len(original[DOC_000]) > 500


def test_restore_replaces_what_the_store_held(coop, kit, store_dir, tmp_path):
    backup = tmp_path / "backup.nq"
    backup.write_text('<https://w3id.org/coop/id/org/x> <http://www.w3.org/2004/02/skos/core#prefLabel> '
                      '"X"@en <https://w3id.org/coop/graph/entities> .\n', encoding="utf-8")
    result = coop("--store", store_dir, "restore", backup)
    assert result.exit_code == 0, result.output
    assert kit.dump_of(store_dir).decode().splitlines() == [backup.read_text().strip()]


def test_dump_to_stdout_is_the_data_alone(coop, kit, store_dir):
    result = coop("--store", store_dir, "dump", "-", "--format", "trig")
    assert result.exit_code == 0, result.output
    assert kit.canonical(result.stdout_bytes, "trig") == kit.canonical(kit.dump_of(store_dir))
    assert "wrote stdout" in result.stderr


@pytest.mark.parametrize("content,where", [
    (b'<http://a.example/s> <http://a.example/p> "ok" <http://a.example/g> .\n'
     b'<http://a.example/s> <http://a.example/p> .\n', "line 2"),
    (b'<http://a.example/s> <http://a.example/p> "ok" <http://a.example/g> .\n' * 3
     + b'<http://a.example/s> <http://a.example/p> "unterminated <http://a.example/g> .\n', "line 4"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "line 1"),  # a binary file
    ('<http://a.example/s> <http://a.example/p> "Tòa án" <http://a.example/g> .\n'.encode("latin-1"),
     "line 1"),  # not UTF-8
])
def test_a_malformed_dump_is_refused_naming_the_line_and_nothing_changes(coop, kit, store_dir, tmp_path,
                                                                         content, where):
    before = kit.dump_of(store_dir)
    bad = tmp_path / "bad.nq"
    bad.write_bytes(content)
    result = coop("--store", store_dir, "restore", bad)
    assert result.exit_code == 2
    assert f"error: {bad}: Cannot parse the nquads data: Parser error" in result.stderr
    assert where in result.stderr
    assert "the store was not changed" in result.stderr
    assert untouched(kit, store_dir, before)


def test_a_malformed_trig_dump_names_its_line(coop, kit, store_dir, tmp_path):
    before = kit.dump_of(store_dir)
    bad = tmp_path / "bad.trig"
    bad.write_text("<http://a.example/g> {\n  <http://a.example/s> <http://a.example/p> \"x\" .\n"
                   "  <http://a.example/s> <http://a.example/p> \n}\n", encoding="utf-8")
    result = coop("--store", store_dir, "restore", bad)
    assert result.exit_code == 2
    assert "line 4" in result.stderr or "line 3" in result.stderr, result.stderr
    assert untouched(kit, store_dir, before)


def test_an_empty_dump_is_refused_unless_allowed(coop, kit, store_dir, tmp_path):
    before = kit.dump_of(store_dir)
    empty = tmp_path / "empty.nq"
    empty.write_bytes(b"# nothing here\n")
    refused = coop("--store", store_dir, "restore", empty)
    assert refused.exit_code == 2
    assert "the dump holds no quads" in refused.stderr
    assert untouched(kit, store_dir, before)

    allowed = coop("--store", store_dir, "restore", empty, "--allow-empty")
    assert allowed.exit_code == 0, allowed.output
    assert kit.dump_of(store_dir) == b""


def test_check_reads_the_dump_and_changes_nothing(coop, kit, store_dir, tmp_path):
    backup = tmp_path / "backup.nq"
    backup.write_bytes(kit.dump_of(store_dir).replace("Bộ Tư pháp".encode(), b"Bo Tu Phap"))
    before = kit.dump_of(store_dir)
    result = coop("--store", store_dir, "restore", "--check", backup)
    assert result.exit_code == 0, result.output
    assert f"readable dump: {sizes(kit, store_dir)} (nothing changed)" in result.stderr
    assert untouched(kit, store_dir, before)


@pytest.mark.parametrize("command", ["dump", "restore"])
def test_the_format_comes_from_the_name_or_format(coop, store_dir, tmp_path, command):
    odd = tmp_path / "backup.data"
    if command == "restore":
        odd.write_bytes(b"")
    result = coop("--store", store_dir, command, odd)
    assert result.exit_code == 2
    assert "cannot tell the format from the name" in result.stderr
    assert "--format nquads|trig" in result.stderr


def test_format_overrides_the_name(coop, kit, store_dir, tmp_path):
    odd = tmp_path / "backup.data"
    assert coop("--store", store_dir, "dump", odd, "--format", "trig").exit_code == 0
    assert odd.read_bytes().lstrip().startswith(b"<https://w3id.org/coop/graph/")  # TriG graph blocks
    target = tmp_path / "restored"
    result = coop("--store", target, "restore", odd, "--format", "trig")
    assert result.exit_code == 0, result.output
    assert kit.canonical(kit.dump_of(target)) == kit.canonical(kit.dump_of(store_dir))


def test_a_truncated_gzip_backup_is_refused(coop, kit, store_dir, tmp_path):
    backup = tmp_path / "backup.nq.gz"
    assert coop("--store", store_dir, "dump", backup).exit_code == 0
    backup.write_bytes(backup.read_bytes()[:-200])
    before = kit.dump_of(store_dir)
    result = coop("--store", store_dir, "restore", backup)
    assert result.exit_code == 2
    assert "not a complete gzip file" in result.stderr
    assert untouched(kit, store_dir, before)


def test_an_interrupted_dump_keeps_the_previous_backup(coop, store_dir, tmp_path, monkeypatch):
    backup = tmp_path / "backup.nq"
    backup.write_bytes(b"the previous backup\n")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    result = coop("--store", store_dir, "dump", backup)
    assert result.exit_code == 2
    assert f"error: {backup}: cannot write: No space left on device" in result.stderr
    assert backup.read_bytes() == b"the previous backup\n"
    assert list(tmp_path.glob("*.partial")) == []


def test_restore_into_memory_is_refused(coop, tmp_path, kit, store_dir):
    backup = tmp_path / "backup.nq"
    backup.write_bytes(kit.dump_of(store_dir))
    result = coop("--store", "memory", "restore", backup)
    assert result.exit_code == 2
    assert "the in-memory store keeps nothing" in result.stderr


def test_a_store_held_by_another_process_is_named(coop, store_dir, tmp_path, child):
    holder = child("replace", store_dir, DOC_000, _small(tmp_path), "hang")
    holder.wait_for("written")  # the child now holds the store's lock
    result = coop("--store", store_dir, "dump", tmp_path / "backup.nq")
    assert result.exit_code == 1
    assert f"Cannot open the store at {store_dir}" in result.stderr
    assert "Another process (a running `coop serve`?) holds the store" in result.stderr
    assert not (tmp_path / "backup.nq").exists()


def _small(tmp_path):
    path = tmp_path / "small.nt"
    path.write_text('<https://w3id.org/coop/doc/000#c1-2> <http://www.w3.org/ns/oa#exact> "x"@vi .\n',
                    encoding="utf-8")
    return path
