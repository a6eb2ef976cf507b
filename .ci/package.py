#!/usr/bin/env python3
"""Packs a built `tkpk` into the archive a planner downloads.

    python3 .ci/package.py [--target TRIPLE] [--binary PATH] [--out DIR]

The archive (`tkpk-<version>-<target>.zip` for Windows, `.tar.gz` otherwise) holds one folder
with the program, README.md, LICENSE, LISENSI-PIHAK-KETIGA.txt (the licence texts of every crate
compiled into the program, of ECharts and of the kab/kota list) and the sample site in `contoh/`.
The same script runs in `.ci/run` (Linux, then smoke-tested from the unpacked folder) and in
`.github/workflows/release.yml` (every platform), so what is tested is what is released.

The archive is deterministic: entries sorted, times set to the commit's time (or
SOURCE_DATE_EPOCH), owners zero. Only the standard library is used.
"""

import argparse
import gzip
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Files the sample site's folders may hold that are not part of it (as tkpk itself ignores them).
LITTER = re.compile(r"^(\._.*|\.DS_Store|Thumbs\.db|desktop\.ini|~\$.*|.*~|.*\.swp|\.tkpk-.*)$")
LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|UNLICENSE)", re.IGNORECASE)


def host_target() -> str:
    out = subprocess.run(["rustc", "-vV"], check=True, capture_output=True, text=True).stdout
    return next(l.split(": ", 1)[1] for l in out.splitlines() if l.startswith("host: "))


def metadata(target: str) -> dict:
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", target],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)


def shipped_packages(meta: dict) -> list:
    """The packages compiled into the binary for the target: the root's normal dependencies,
    transitively (no dev- or build-dependencies, which do not end up in the program)."""
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    packages = {p["id"]: p for p in meta["packages"]}
    root = meta["resolve"]["root"]
    seen, todo = set(), [root]
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        for dep in nodes[pid]["deps"]:
            if any(k["kind"] is None for k in dep["dep_kinds"]):
                todo.append(dep["pkg"])
    seen.discard(root)
    return sorted((packages[p] for p in seen), key=lambda p: (p["name"], p["version"]))


def third_party_text(meta: dict) -> str:
    out = io.StringIO()
    out.write(
        "LISENSI PIHAK KETIGA / THIRD-PARTY LICENCES\n\n"
        "Program tkpk (lisensi Apache-2.0, lihat LICENSE) memuat karya pihak lain berikut; teks\n"
        "lisensi masing-masing disertakan di bawah ini sebagaimana disyaratkan lisensinya.\n"
        "The tkpk program (Apache-2.0, see LICENSE) contains the works below; each one's licence\n"
        "text follows, as its licence requires.\n\n"
    )
    printed = {}

    def section(title: str, texts: list) -> None:
        out.write("=" * 78 + "\n" + title + "\n" + "=" * 78 + "\n\n")
        for name, text in texts:
            key = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
            if key in printed and name != "catatan":
                out.write(f"[{name}: teks sama dengan / same text as {printed[key]}]\n\n")
                continue
            printed[key] = f"{title.splitlines()[0]}, {name}"
            out.write(f"--- {name} ---\n{text.rstrip()}\n\n")

    echarts = ROOT / "themes/default/static/echarts"
    section(
        "Apache ECharts (themes/default/static/echarts, disematkan di setiap situs / embedded in every site)",
        [(f.name, f.read_text(encoding="utf-8")) for f in sorted(echarts.iterdir()) if LICENCE_FILE.match(f.name)],
    )
    wilayah = ROOT / "licenses/wilayah-cahyadsn.txt"
    section("Daftar kabupaten/kota (src/model/wilayah.tsv)", [(wilayah.name, wilayah.read_text(encoding="utf-8"))])
    for package in shipped_packages(meta):
        folder = Path(package["manifest_path"]).parent
        files = sorted(f for f in folder.iterdir() if f.is_file() and LICENCE_FILE.match(f.name))
        texts = [(f.name, f.read_text(encoding="utf-8", errors="replace")) for f in files]
        if not texts:
            texts = [
                (
                    "catatan",
                    f"Paket ini tidak menyertakan berkas lisensi; lisensinya: {package.get('license')}.\n"
                    f"This package ships no licence file; its licence: {package.get('license')}.\n"
                    f"Sumber / source: {package.get('repository') or 'https://crates.io/crates/' + package['name']}",
                )
            ]
        section(f"{package['name']} {package['version']} ({package.get('license') or 'lisensi tidak disebut'})", texts)
    return out.getvalue()


def source_date() -> int:
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout.strip()
        return int(out)
    except (subprocess.CalledProcessError, FileNotFoundError, ValueError):
        return 315532800  # 1980-01-01, the earliest time a zip entry can hold


def sample_files() -> list:
    """(path in the archive under contoh/, path on disk) for the sample site."""
    files = [("site.yaml", ROOT / "site.yaml")]
    for top in ["content", "static"]:
        base = ROOT / top
        if not base.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not LITTER.match(d))
            for name in sorted(filenames):
                if LITTER.match(name):
                    continue
                path = Path(dirpath) / name
                files.append((path.relative_to(ROOT).as_posix(), path))
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", default=None, help="target triple (default: this machine's)")
    parser.add_argument("--binary", default=None, help="the built program (default: target/[TRIPLE/]release/tkpk)")
    parser.add_argument("--out", default=str(ROOT / "dist"), help="folder for the archive (default: dist/)")
    args = parser.parse_args()

    target = args.target or host_target()
    windows = "windows" in target
    exe = "tkpk.exe" if windows else "tkpk"
    meta = metadata(target)
    # Where cargo builds (CARGO_TARGET_DIR or a config may move it from target/).
    target_dir = Path(meta["target_directory"])
    if args.binary:
        binary = Path(args.binary)
    else:
        binary = target_dir / target / "release" / exe
        if not binary.exists():
            binary = target_dir / "release" / exe
    if not binary.is_file():
        print(f"package: the program {binary} is not built (cargo build --release --locked)", file=sys.stderr)
        return 1

    version = next(p["version"] for p in meta["packages"] if p["id"] == meta["resolve"]["root"])
    name = f"tkpk-{version}-{target}"
    when = source_date()
    entries = [
        (exe, binary.read_bytes(), 0o755),
        ("README.md", (ROOT / "README.md").read_bytes(), 0o644),
        ("LICENSE", (ROOT / "LICENSE").read_bytes(), 0o644),
        ("LISENSI-PIHAK-KETIGA.txt", third_party_text(meta).encode("utf-8"), 0o644),
    ]
    entries += [(f"contoh/{rel}", path.read_bytes(), 0o644) for rel, path in sample_files()]
    entries.sort(key=lambda e: e[0])

    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    if windows:
        archive = out_dir / f"{name}.zip"
        stamp = __import__("time").gmtime(max(when, 315532800))[:6]
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for rel, data, mode in entries:
                info = zipfile.ZipInfo(f"{name}/{rel}", date_time=stamp)
                info.external_attr = (0o100000 | mode) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, data)
    else:
        archive = out_dir / f"{name}.tar.gz"
        raw = io.BytesIO()
        with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
            folders = sorted({"/".join(rel.split("/")[:i]) for rel, _, _ in entries for i in range(1, rel.count("/") + 1)})
            for folder in [""] + folders:
                info = tarfile.TarInfo(f"{name}/{folder}".rstrip("/"))
                info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, when
                tar.addfile(info)
            for rel, data, mode in entries:
                info = tarfile.TarInfo(f"{name}/{rel}")
                info.size, info.mode, info.mtime = len(data), mode, when
                tar.addfile(info, io.BytesIO(data))
        with open(archive, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=when, filename="") as gz:
            gz.write(raw.getvalue())
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    (out_dir / f"{archive.name}.sha256").write_bytes(f"{digest}  {archive.name}\n".encode())
    size = archive.stat().st_size
    print(f"package: {archive} ({size / 1e6:.1f} MB, {len(entries)} files, sha256 {digest[:16]}…)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
