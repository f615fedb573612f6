"""Uploads in memory: YAML files and zips of a data folder, with hostile archives refused."""

from __future__ import annotations

import io
import stat
import zipfile

import pytest

from loaders import build_atlas
from loaders.archive import UploadRefusedError, read_upload
from loaders.limits import MB, Limits
from tests.conftest import BASE_FILES


def zipped(files: dict[str, bytes | str], prefix: str = "", mode: int | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(prefix + name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if mode is not None:
                info.external_attr = mode << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def test_zip_of_a_data_folder_loads_with_any_folder_above_it() -> None:
    upload = read_upload([("my-data.zip", zipped(BASE_FILES, prefix="exports/my-data/"))])
    assert sorted(f.path for f in upload.files) == sorted(BASE_FILES)
    atlas = build_atlas(upload.files, upload.issues)
    assert atlas.issues.empty
    assert len(atlas.cities) == 2


def test_loose_yaml_files_are_placed_by_their_content() -> None:
    uploads = [(name.rsplit("/", 1)[-1], text.encode()) for name, text in BASE_FILES.items()]
    upload = read_upload(uploads)
    assert sorted(f.path for f in upload.files) == sorted(BASE_FILES)


def test_non_yaml_entries_are_ignored_and_listed() -> None:
    upload = read_upload(
        [("d.zip", zipped({**BASE_FILES, "cities/photo.jpg": b"\xff\xd8", "notes.txt": "x"}))]
    )
    ignored = {i.file: i.message for i in upload.issues}
    assert ignored == {
        "d.zip:cities/photo.jpg": "ignored: not a YAML data file",
        "d.zip:notes.txt": "ignored: not a YAML data file",
    }
    assert len(upload.files) == 4


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil.yaml", "paths with '..' are not accepted"),
        ("cities/../../evil.yaml", "paths with '..' are not accepted"),
        ("/etc/passwd.yaml", "absolute paths are not accepted"),
        ("C:/evil.yaml", "absolute paths are not accepted"),
        ("cities/bad\x07name.yaml", "the name contains control characters"),
        ("..\\..\\evil.yaml", "paths with '..' are not accepted"),
    ],
)
def test_hostile_entry_names_are_refused_and_the_rest_loads(name: str, reason: str) -> None:
    upload = read_upload([("d.zip", zipped({**BASE_FILES, name: "id: evil\n"}))])
    (issue,) = [i for i in upload.issues if i.severity == "error"]
    assert issue.message == f"refused: {reason}"
    assert "\x07" not in issue.file
    assert len(upload.files) == 4


def test_backslashes_of_old_windows_zips_are_folder_separators() -> None:
    windows = {name.replace("/", "\\"): text for name, text in BASE_FILES.items()}
    upload = read_upload([("d.zip", zipped(windows, prefix="my-data\\"))])
    assert sorted(f.path for f in upload.files) == sorted(BASE_FILES)


@pytest.mark.parametrize(
    ("uploads", "ignored", "message"),
    [
        ([("BARI.YAML", "id: bari\n")], "cities/BARI.YAML", "data files end in .yaml or .yml, in lower case"),
        (
            [("d.zip", zipped({**BASE_FILES, "cities/oslo.YML": "id: oslo\n"}))],
            "cities/oslo.YML",
            "data files end in .yaml or .yml, in lower case",
        ),
        (
            [("d.zip", zipped({**BASE_FILES, "old/cities/oslo.yaml": "id: oslo\n"}))],
            "old/cities/oslo.yaml",
            "outside the data folder (themes.yaml, cities/<id>.yaml, partnerships/<id>.yaml)",
        ),
    ],
    ids=["loose upper-case file", "upper-case entry", "second folder"],
)
def test_files_the_loader_cannot_place_are_listed_not_loaded(uploads, ignored: str, message: str) -> None:
    upload = read_upload([(name, data.encode() if isinstance(data, str) else data) for name, data in uploads])
    assert {i.file: i.message for i in upload.issues}[ignored] == f"ignored: {message}"
    assert ignored not in {f.path for f in upload.files}
    build_atlas(upload.files, upload.issues)  # every placed file is a data file: no surprise later


def _patched(archive: bytes, name: str, local: dict[int, int], central: dict[int, int]) -> bytes:
    """The zip with bytes of one entry's local header and central-directory record set."""
    data = bytearray(archive)
    offset = zipfile.ZipFile(io.BytesIO(archive)).getinfo(name).header_offset
    record = data.index(b"PK\x01\x02")
    while data[record + 46 : record + 46 + len(name)] != name.encode():
        record = data.index(b"PK\x01\x02", record + 4)
    for at, value in local.items():
        data[offset + at] = value
    for at, value in central.items():
        data[record + at] = value
    return bytes(data)


OSLO = "id: oslo\nname: Oslo\ncountry: NO\n"


def _damaged(kind: str) -> bytes:
    archive = zipped({**BASE_FILES, "cities/oslo.yaml": OSLO})
    if kind == "encrypted":  # general-purpose flag bit 0, in both headers
        return _patched(archive, "cities/oslo.yaml", {6: 1}, {8: 1})
    if kind == "deflate64":  # compression method 9
        return _patched(archive, "cities/oslo.yaml", {8: 9}, {10: 9})
    stored = io.BytesIO()  # a stored entry with one byte of its data flipped: the CRC no longer fits
    with zipfile.ZipFile(stored, "w") as out:
        for name, text in {**BASE_FILES, "cities/oslo.yaml": OSLO}.items():
            out.writestr(name, text)
    data = bytearray(stored.getvalue())
    data[data.index(b"name: Oslo")] ^= 0x20
    return bytes(data)


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("encrypted", "cannot unpack: the entry is encrypted; zip it without a password"),
        (
            "deflate64",
            "cannot unpack: the entry uses a compression method this app does not read (use deflate)",
        ),
        ("bad crc", "cannot unpack: the entry is damaged (its data does not match its header)"),
    ],
)
def test_an_entry_that_cannot_be_unpacked_is_listed_and_the_rest_loads(kind: str, message: str) -> None:
    upload = read_upload([("d.zip", _damaged(kind))])
    assert [(i.file, i.message) for i in upload.issues if i.severity == "error"] == [
        ("d.zip:cities/oslo.yaml", message)
    ]
    assert sorted(f.path for f in upload.files) == sorted(BASE_FILES)


def test_many_zips_share_one_unpacking_limit() -> None:
    limits = Limits(max_unzipped_bytes=MB)
    part = zipped({"cities/filler.yaml": "# " + "x" * 400_000 + "\n"})
    read_upload([("a.zip", part), ("b.zip", part)], limits)  # 0.8 MB in all: fine
    with pytest.raises(UploadRefusedError, match="unpacks to more than 1 MB"):
        read_upload([(f"{n}.zip", part) for n in "abc"], limits)


def test_symbolic_links_are_refused() -> None:
    archive = zipped({"cities/link.yaml": "/etc/passwd"}, mode=stat.S_IFLNK | 0o777)
    upload = read_upload([("d.zip", archive)])
    assert [i.message for i in upload.issues] == ["refused: links are not accepted"]
    assert upload.files == []


def test_zip_over_20_megabytes_is_refused() -> None:
    with pytest.raises(UploadRefusedError, match="at most 20 MB"):
        read_upload([("big.zip", b"PK" + b"\0" * (20 * MB + 1))])


def test_zip_bomb_is_refused_before_it_fills_memory() -> None:
    bomb = zipped({f"cities/c{i}.yaml": b"#" * (10 * MB) for i in range(6)})  # 60 MB unpacked
    assert len(bomb) < MB
    with pytest.raises(UploadRefusedError, match="unpacks to more than 50 MB"):
        read_upload([("bomb.zip", bomb)])


def test_zip_whose_headers_lie_about_sizes_is_still_bounded() -> None:
    honest = zipped({"cities/c.yaml": b"#" * (3 * MB)})
    limits = Limits(max_unzipped_bytes=MB, max_file_bytes=5 * MB)
    lying = bytearray(honest)
    # shrink the declared uncompressed size in the central directory to 1 byte
    central = lying.rfind(b"PK\x01\x02")
    lying[central + 24 : central + 28] = (1).to_bytes(4, "little")
    upload = read_upload([("liar.zip", bytes(lying))], limits)  # stops at the claimed 1 byte
    assert [i.message for i in upload.issues] == [
        "cannot unpack: the entry is damaged (its data does not match its header)"
    ]
    assert upload.files == []


def test_more_than_2000_entries_are_refused() -> None:
    many = zipped({f"cities/c{i}.yaml": "" for i in range(2_001)})
    with pytest.raises(UploadRefusedError, match="2,001 entries; at most 2,000"):
        read_upload([("many.zip", many)])


def test_ten_thousand_entries_are_refused_quickly() -> None:
    many = zipped({f"e{i}.yaml": "" for i in range(10_000)})
    with pytest.raises(UploadRefusedError, match="10,000 entries"):
        read_upload([("many.zip", many)])


def test_a_file_that_is_not_a_zip_is_refused_with_a_message() -> None:
    with pytest.raises(UploadRefusedError, match="not a readable zip file"):
        read_upload([("fake.zip", b"this is text")])


def test_a_yaml_file_that_is_really_a_binary_becomes_a_located_error() -> None:
    upload = read_upload(
        [("themes.yaml", BASE_FILES["themes.yaml"].encode()), ("oslo.yaml", bytes(range(256)))]
    )
    atlas = build_atlas(upload.files, upload.issues)
    (issue,) = atlas.issues.itertuples(index=False)
    assert (issue.file, issue.line) == ("cities/oslo.yaml", 1)
    assert "binary file" in issue.message


def test_the_same_file_twice_keeps_the_first() -> None:
    upload = read_upload([("themes.yaml", b"themes: []\n"), ("themes.yaml", b"themes: [x]\n")])
    assert [f.data for f in upload.files] == [b"themes: []\n"]
    assert upload.issues[0].message == "uploaded twice: the first copy is used"
