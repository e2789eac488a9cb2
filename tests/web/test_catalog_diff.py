"""The catalog change preview for policy staff: an uploaded table or YAML files are compared with
the current catalog on a copy; nothing in an upload runs; sizes are bounded; the catalog in use
is never written."""
from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from router.files.locations import catalog_root


ROOT = catalog_root(None).resolve()


def _tree_hash(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(root)).encode() + p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def before():
    return _tree_hash(ROOT)


def _post(client, files, as_of=""):
    token = re.search(r'"X-CSRFToken": "([^"]+)"', client.get("/catalog/diff").text).group(1)
    return client.post("/catalog/diff", data={"as_of": as_of}, files=[("files", f) for f in files],
                       headers={"x-csrftoken": token})


def test_upload_needs_the_csrf_header(sqlite_world):
    r = sqlite_world.client("policy").post("/catalog/diff", files=[("files", ("2027.yaml", b"a: 1\n"))],
                                           headers={"x-csrftoken": "forged"})
    assert r.status_code == 403


def test_yaml_change_shows_gains_losses_and_cases(sqlite_world, before):
    text = (ROOT / "batches.yaml").read_text(encoding="utf-8")
    assert 'effective: "2026-01-01"' in text
    changed = text.replace('effective: "2026-01-01"', 'effective: "2026-03-01"', 1)
    r = _post(sqlite_world.client("policy"), [("batches.yaml", changed.encode(), "application/yaml")], "2025-12-01")
    assert r.status_code == 200, r.text[-2000:]
    page = r.text
    assert "修改批次" in page and "HN-2025-TOWNSHIPS" in page
    assert "获得" in page and "失去" in page and "2026-03-01" in page
    assert "须相互通报" in page and "对案例的影响" in page and "以 2025-12-01 为准" in page
    assert _tree_hash(ROOT) == before


def test_unchanged_export_then_a_renamed_matter(sqlite_world, tmp_path, before):
    from router.files.sheets import export_catalog
    out = tmp_path / "清单.xlsx"
    export_catalog(str(out), None)
    client = sqlite_world.client("supervisor")
    r = _post(client, [("清单.xlsx", out.read_bytes(), "application/octet-stream")])
    assert r.status_code == 200 and "完全相同" in r.text
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[2]]
    col = header.index("事项名称") + 1
    old_name = ws.cell(row=3, column=col).value
    ws.cell(row=3, column=col).value = old_name + "（修订）"
    buf = io.BytesIO()
    wb.save(buf)
    r = _post(client, [("清单.xlsx", buf.getvalue(), "application/octet-stream")])
    assert r.status_code == 200, r.text[-2000:]
    assert "改名" in r.text and "（修订）" in r.text and "导入 清单.xlsx 后" in r.text
    assert _tree_hash(ROOT) == before


def test_nothing_in_an_upload_runs(sqlite_world, tmp_path, before):
    marker = tmp_path / "ran"
    evil = f'!!python/object/apply:os.system ["touch {marker}"]\n'.encode()
    r = _post(sqlite_world.client("policy"), [("matters.yaml", evil, "application/yaml")])
    assert r.status_code == 422 and "无法使用" in r.text
    assert not marker.exists()
    # a name outside the catalog's files, or a path, is refused or reduced to its base name
    r = _post(sqlite_world.client("policy"), [("../../etc/passwd", b"x: 1\n", "text/plain")])
    assert r.status_code == 422 and "不认识的文件" in r.text
    # a workbook that is not one
    r = _post(sqlite_world.client("policy"), [("清单.xlsx", b"PK\x03\x04not really a zip", "application/octet-stream")])
    assert r.status_code == 422
    assert _tree_hash(ROOT) == before


def test_upload_size_is_bounded(sqlite_world):
    from router.web import catalogdiff
    client = sqlite_world.client("policy")
    big = b"#" * (catalogdiff.MAX_FILE_BYTES + 10)
    r = _post(client, [("matters.yaml", big, "application/yaml")])
    assert r.status_code == 422 and "过大" in r.text
    huge = [("matters.yaml", big, "application/yaml")] * (catalogdiff.MAX_FILES + 1)
    r = _post(client, huge)
    assert r.status_code == 413 and "过大" in r.text
    token = re.search(r'"X-CSRFToken": "([^"]+)"', client.get("/catalog/diff").text).group(1)
    r = client.post("/catalog/diff", files=[("files", f) for f in huge], headers={"x-csrftoken": token, "hx-request": "true"})
    assert r.status_code == 200 and 'id="preview"' in r.text and "过大" in r.text
    r = _post(client, [("2027.yaml", b"a: 1\n", "application/yaml")] * (catalogdiff.MAX_FILES + 1))
    assert r.status_code == 400 and f"一次最多 {catalogdiff.MAX_FILES} 个" in r.text and "Too many" not in r.text


def test_body_limit_counts_a_stream_without_length():
    """An upload sent without Content-Length is cut off at the limit, not parsed to the end."""
    import asyncio

    from router.web.catalogdiff import BodyLimit
    seen = []

    async def app(scope, receive, send):
        while True:
            m = await receive()
            seen.append(len(m.get("body", b"")))
            if not m.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    chunks = [{"type": "http.request", "body": b"x" * 1000, "more_body": True}] * 50
    sent = []

    async def receive():
        return chunks.pop()

    async def send(m):
        sent.append(m)
    limit = BodyLimit(app, ("/catalog/diff",), limit=10_000)
    asyncio.run(limit({"type": "http", "path": "/catalog/diff", "headers": []}, receive, send))
    assert sent[0]["status"] == 413 and sum(seen) <= 10_000
