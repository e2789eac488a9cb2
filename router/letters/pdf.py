"""to_pdf: a .docx to PDF through LibreOffice (headless), with the font substitutions of
fonts.py so a machine without the official fonts still prints serif text, not a sans."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import ConversionError, OfficeMissingError
from .fonts import DEBIAN_PACKAGES, fontconfig_rules

ENV_SOFFICE = "ZHIFA_SOFFICE"  # path of the soffice program, when it is not on PATH
TIMEOUT_SECONDS = 180
_INSTALL = ("apt-get install -y libreoffice-writer-nogui " + " ".join(DEBIAN_PACKAGES))


def find_soffice() -> str | None:
    """The LibreOffice program: $ZHIFA_SOFFICE, else soffice or libreoffice on PATH."""
    configured = os.environ.get(ENV_SOFFICE)
    if configured:
        return configured if Path(configured).is_file() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx_path: str | Path, out_dir: str | Path) -> Path:
    """Convert `docx_path` to out_dir/<same name>.pdf and return its path.

    Raises OfficeMissingError (with what to install) when LibreOffice is not found, and
    ConversionError when it runs but writes no PDF."""
    source = Path(docx_path).resolve()
    if not source.is_file():
        raise ConversionError(f"找不到要转换的文件：{source}")
    soffice = find_soffice()
    if soffice is None:
        raise OfficeMissingError(
            "未找到 LibreOffice，无法生成 PDF（.docx 已可使用，可用 WPS 或 Word 打开后另存为 PDF）。"
            f"安装方法（Debian/Ubuntu）：{_INSTALL}；或设置环境变量 {ENV_SOFFICE} 指向 soffice 程序")
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="zhifa-soffice-") as work:
        # A fresh profile: no clash with a LibreOffice the clerk has open, nothing left behind.
        profile = Path(work) / "profile"
        config = Path(work) / "fonts.conf"
        config.write_text(fontconfig_rules(), encoding="utf-8")
        env = {**os.environ, "FONTCONFIG_FILE": str(config), "HOME": work}
        command = [soffice, "--headless", "--norestore", "--nolockcheck", "--nodefault",
                   f"-env:UserInstallation={profile.as_uri()}",
                   "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out), str(source)]
        try:
            run = subprocess.run(command, env=env, capture_output=True, text=True,
                                 timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise ConversionError(f"LibreOffice 转换超时（{TIMEOUT_SECONDS} 秒）：{source.name}") from None
        except OSError as exc:
            raise OfficeMissingError(f"无法运行 LibreOffice（{soffice}）：{exc.strerror}") from None
    pdf = out / (source.stem + ".pdf")
    if run.returncode != 0 or not pdf.is_file():
        detail = (run.stderr or run.stdout or "").strip()[-500:]
        raise ConversionError(f"LibreOffice 未能把 {source.name} 转换为 PDF（退出码 {run.returncode}）：{detail}")
    return pdf
