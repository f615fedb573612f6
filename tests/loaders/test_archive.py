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
        ("cities\\windows.yaml", "backslashes in paths are not accepted"),
    ],
)
def test_hostile_entry_names_are_refused_and_the_rest_loads(name: str, reason: str) -> None:
    upload = read_upload([("d.zip", zipped({**BASE_FILES, name: "id: evil\n"}))])
    (issue,) = [i for i in upload.issues if i.severity == "error"]
    assert issue.message == f"refused: {reason}"
    assert "\x07" not in issue.file
    assert len(upload.files) == 4


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
    with pytest.raises((UploadRefusedError, zipfile.BadZipFile)):
        read_upload([("liar.zip", bytes(lying))], limits)


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
