#!/usr/bin/env python3
"""Start Khối desktop, or run its tests, preparing its private Python environment on first use.

    python3 run.py [--demo] [--db FILE] [command ...]   start the program (or run a command)
    python3 run.py test [pytest options]                 run the whole test suite

On Windows type `py run.py` and `py run.py test`. Only the Python standard library is used here:
this file runs before anything is installed.
"""

from __future__ import annotations

import ast
import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / "khoi-installed.txt"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


LOCK = ROOT / "requirements.lock"


def wanted_stamp() -> str:
    """Changes whenever the locked versions change, so an update reinstalls them."""
    return hashlib.sha256(LOCK.read_bytes()).hexdigest()


def link_project(python: Path) -> None:
    """Make `import khoidesktop` find this folder from the environment (what an editable install does), without
    building anything: a .pth file in the environment's site-packages. The file is pure ASCII (the folder's name
    escaped), because Python 3.11 reads .pth files in the locale's encoding and a Vietnamese folder name would
    stop the environment's Python from starting."""
    site = subprocess.check_output(
        [str(python), "-c", "import sysconfig; print(ascii(sysconfig.get_path('purelib')))"], text=True
    ).strip()
    line = f"import sys; sys.path.insert(0, {ascii(str(ROOT))})\n"
    (Path(ast.literal_eval(site)) / "khoidesktop-project.pth").write_text(line, encoding="ascii")


def ensure_environment() -> Path:
    python = venv_python()
    if not python.exists():
        print("Lần chạy đầu tiên: đang tạo môi trường Python riêng trong thư mục .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not STAMP.exists() or STAMP.read_text(encoding="utf-8").strip() != wanted_stamp():
        print("Đang cài đặt các thư viện cần thiết (cần mạng, chỉ làm một lần, vài phút) …", flush=True)
        # Exactly the versions of the lock file, each checked against its hash: what was tested.
        command = [
            str(python),
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "-q",
            "--require-hashes",
            "--only-binary",
            ":all:",
            "-r",
            str(LOCK),
        ]
        if subprocess.call(command, cwd=ROOT) != 0:
            sys.exit(
                "Cài đặt không thành công. Hãy kiểm tra kết nối mạng rồi chạy lại lệnh này; "
                "nếu vẫn lỗi, xóa thư mục .venv và chạy lại."
            )
        link_project(python)
        STAMP.write_text(wanted_stamp() + "\n", encoding="utf-8")
    return python


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):
        print(
            "Khối desktop cần Python 3.11 trở lên; máy này đang có Python "
            f"{sys.version_info.major}.{sys.version_info.minor}.",
            file=sys.stderr,
        )
        return 1
    python = ensure_environment()
    if argv[:1] == ["test"]:
        return subprocess.call([str(python), "-m", "pytest", *argv[1:]], cwd=ROOT)
    return subprocess.call([str(python), str(ROOT / "main.py"), *argv])  # the user's folder: relative paths work


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
