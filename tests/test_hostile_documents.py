"""extract's readers under hostile documents (issue 20): special files, zip bombs, PDFs that
loop, expand or inflate. Each document is built here, byte by byte; none is committed.

Nothing is timed. A PDF that used to loop for ever is refused by the page's time budget
(lowered to one second here), one that inflated to a gigabyte by the child's memory cap.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.extract import pdf_reader
from tongnan_plan.extract.markup_readers import MAX_DOCX_UNPACKED

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--lang", "en"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def refused(path: Path) -> str:
    """extract's one error line for a document it refuses (exit 2, nothing written)."""
    code, out, err = invoke("extract", str(path), "-o", "-")
    assert code == 2, (out, err)
    assert out == "" and "Traceback" not in err
    (line,) = [line for line in err.splitlines() if "error[" in line]
    return line


@pytest.mark.parametrize("name", ["plan.txt", "plan.docx", "plan.pdf", "plan.html"])
def test_a_fifo_is_refused_by_every_reader(tmp_path: Path, name: str) -> None:
    # extract of a FIFO blocked for ever: nothing writes to this one.
    fifo = tmp_path / name
    os.mkfifo(fifo)
    line = refused(fifo)
    assert "error[file-unreadable]" in line and "named pipe (FIFO)" in line


def test_a_device_is_refused(tmp_path: Path) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    assert "character device" in refused(Path("/dev/zero"))


# ---- Word documents


def _docx(parts: dict[str, bytes]) -> bytes:
    """A minimal Word document with the given parts added or replaced."""
    body = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>plan</w:t></w:r></w:p></w:body></w:document>"
    )
    base = {
        "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        b'package.relationships+xml"/><Override PartName="/word/document.xml" ContentType='
        b'"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        b"</Types>",
        "_rels/.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        b"</Relationships>",
        "word/document.xml": body,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in {**base, **parts}.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_word_document_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(_docx({}))
    code, _, err = invoke("extract", str(path), "-o", "-")
    assert code == 1 and "no indicator table or target found" in err  # read, and empty


@pytest.mark.parametrize("part", ["word/document.xml", "docProps/thumbnail.jpeg"])
def test_a_word_document_that_unpacks_huge_is_refused(tmp_path: Path, part: str) -> None:
    # 470 KB unpacking to 300 MB ran past 40 s and 6 GB; a 1 GB thumbnail took 2 GB.
    paragraph = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    filler = paragraph * (MAX_DOCX_UNPACKED // len(paragraph) + 1)
    data = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>" + filler + b"</w:body></w:document>"
        if part.startswith("word/")
        else bytes(MAX_DOCX_UNPACKED + 1)
    )
    path = tmp_path / "plan.docx"
    path.write_bytes(_docx({part: data}))
    assert path.stat().st_size < MAX_DOCX_UNPACKED // 20
    line = refused(path)
    assert "error[document-beyond-bounds]" in line and "unpacks to more than" in line


def test_a_word_document_whose_size_header_lies_is_refused(tmp_path: Path) -> None:
    raw = bytearray(_docx({"docProps/thumbnail.jpeg": bytes(1 << 22)}))
    entry = raw.rfind(b"PK\x01\x02", 0, raw.rfind(b"docProps/thumbnail.jpeg"))
    raw[entry + 24 : entry + 28] = (10).to_bytes(4, "little")  # says 10 bytes unpacked
    path = tmp_path / "plan.docx"
    path.write_bytes(bytes(raw))
    assert "error[unreadable-document]" in refused(path)


# ---- PDFs


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of the numbered objects, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        table,
    )
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_TEXT = b"BT /F1 12 Tf 72 720 Td (plan) Tj ET"


def _one_page(contents: bytes, font: bytes) -> bytes:
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            contents,
            font,
        ]
    )


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


@pytest.fixture
def quick_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "PAGE_SECONDS", 1)


def test_a_pdf_whose_contents_refer_to_themselves_is_stopped(
    tmp_path: Path, quick_pages: None
) -> None:
    # 4 0 obj is "4 0 R": pdfminer resolved it for ever.
    path = tmp_path / "plan.pdf"
    path.write_bytes(_one_page(b"4 0 R", _FONT))
    line = refused(path)
    assert "error[document-beyond-bounds]" in line and "a page took longer than 1 s" in line


def test_a_pdf_with_a_tounicode_map_of_every_code_is_stopped(
    tmp_path: Path, quick_pages: None
) -> None:
    # <00000000>-<FFFFFFFF>: past 40 s and 5 GB, one entry at a time.
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def\n"
        b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n"
        b"1 beginbfrange <00000000> <FFFFFFFF> <0000> endbfrange endcmap\n"
        b"CMapName currentdict /CMap defineresource pop end end"
    )
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"
    objects = _one_page(_stream(_TEXT), font)
    path = tmp_path / "plan.pdf"
    path.write_bytes(_append(objects, _stream(cmap)))
    assert "error[document-beyond-bounds]" in refused(path)


def test_a_pdf_stream_that_inflates_to_a_gigabyte_is_stopped(tmp_path: Path) -> None:
    import zlib

    # After a full flush deflate starts afresh: 16 MiB of zeros pack to the same bytes each
    # time, so 64 copies of them are a stream of 1 GiB without compressing a gigabyte here.
    packer = zlib.compressobj(9)
    zeros = bytes(1 << 24)
    head = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    packed = head + again * 62 + packer.compress(zeros) + packer.flush()
    assert len(packed) < 2 * 1024 * 1024
    path = tmp_path / "plan.pdf"
    path.write_bytes(_one_page(_stream(packed, b"/Filter /FlateDecode"), _FONT))
    line = refused(path)
    assert "error[document-beyond-bounds]" in line
    assert f"more than {pdf_reader.MAX_MEMORY // 2**20:,} MiB of memory" in line


def test_a_pdf_of_too_many_pages_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 3)  # handed to the child
    pages = [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>"
    ]
    kids = b" ".join(b"%d 0 R" % n for n in range(6, 6 + 5))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count 5 >>",
        b"null",
        _stream(_TEXT),
        _FONT,
        *(pages * 5),
    ]
    path = tmp_path / "plan.pdf"
    path.write_bytes(_pdf(objects))
    line = refused(path)
    assert "error[document-beyond-bounds]" in line and "more than 3 pages" in line


def _append(pdf: bytes, body: bytes) -> bytes:
    """The objects of a PDF made by _pdf with one more object (number 6) after them."""
    objects = []
    for number in range(1, 6):
        start = pdf.index(b"%d 0 obj\n" % number) + len(b"%d 0 obj\n" % number)
        objects.append(pdf[start : pdf.index(b"\nendobj\n", start)])
    return _pdf([*objects, body])


# ---- drafts: whatever the document holds, the draft loads and acts on no terminal

_CONTROLS = "\x1b]0;t\x07\x7f\x85\x9b\u202e\u2028\ufffe"


def _hostile_plan_text(folder: Path, name: str = "plan.txt") -> Path:
    text = (Path(__file__).parent / "fixtures" / "extract" / "tongnan-14th-plan.txt").read_text(
        encoding="utf-8"
    )
    path = folder / name
    path.write_text(text.replace("城镇新增就业", "城镇新增" + _CONTROLS + "就业"), encoding="utf-8")
    return path


def _loaded(text: str) -> dict[str, object]:
    import yaml

    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("previous", [[], ["--previous"]])
def test_a_draft_of_hostile_text_loads_and_prints_no_control(
    tmp_path: Path, previous: list[str]
) -> None:
    # U+FFFE, DEL, C1 and NEL made drafts that did not load, after exit 0; ESC, OSC and RLO
    # went raw to the terminal with -o -.
    code, out, err = invoke("extract", str(_hostile_plan_text(tmp_path)), "-o", "-", *previous)
    assert code == 0, err
    raw = set(_CONTROLS) - {"]", "0", ";", "t"}
    assert not set(out) & raw
    if not previous:  # 专栏1, the previous plan's table, does not hold the name
        assert "\\u202e\\ufffe" in out  # escapes, which YAML reads back as the characters
    assert _loaded(out)["indicators"]


def test_a_line_break_in_the_file_name_is_no_yaml(tmp_path: Path) -> None:
    # The name became YAML in the draft: an injected `tiers:` heading showed in the report.
    path = _hostile_plan_text(tmp_path, "evil\ntiers:\n  injected: 1\n.txt")
    for previous in ([], ["--previous", "--results", str(tmp_path / "results.yaml")]):
        out = tmp_path / f"draft{len(previous)}.yaml"
        code, _, err = invoke("extract", str(path), "-o", str(out), *previous)
        assert code == 0, err
        assert "tiers" not in _loaded(out.read_text(encoding="utf-8"))
    results = _loaded((tmp_path / "results.yaml").read_text(encoding="utf-8"))
    assert set(results) == {"year", "provenance", "source", "values"}
    assert results["source"] == str(path)  # the name itself, kept whole as a string


def test_a_draft_that_would_not_load_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tongnan_plan import extract

    monkeypatch.setattr(extract, "draft_yaml", lambda draft, previous=False: "plan: [\n")
    out = tmp_path / "targets.yaml"
    code, _, err = invoke("extract", str(_hostile_plan_text(tmp_path)), "-o", str(out))
    assert code == 3 and "the draft would not load" in err
    assert not out.exists()


@given(text=st.text(alphabet=st.characters(exclude_categories=()), max_size=40))
def test_any_text_is_written_as_yaml_that_loads_back(text: str) -> None:
    import yaml

    from tongnan_plan.yaml_text import yaml_block_line, yaml_comment, yaml_string

    loaded = yaml.safe_load(f"a: {yaml_string(text)}  # {yaml_comment(text)}\n")
    # Back as it was: a tab becomes a space, and a lone surrogate (no YAML holds one) U+FFFD.
    expected = "".join("\ufffd" if 0xD800 <= ord(c) < 0xE000 else c for c in text)
    assert loaded == {"a": expected.replace("\t", " ")}
    block = yaml.safe_load(f"a: |-\n  {yaml_block_line(text) or 'x'}\n")
    assert isinstance(block["a"], str) and "\n" not in block["a"]
