"""Pack the built site for the national coordinator's IT team.

    make site && .venv/bin/python tools/bundle.py      (or: make bundle)

writes dist/ct-elearning-<content_version>-<date>.zip. Unpacked, it is one folder of the
same name holding:

    site/                         the built site (every URL in it is relative: serve it
                                  under any sub-path, or open site/index.html from disk)
    content-security-policy.txt   the header the site needs, computed from its pages
    nginx.conf                    a location block serving site/ at /elearning/
    apache.htaccess               the same for Apache (.htaccess in site/)
    INSTALL.md                    for the IT team: unpack, serve, headers, check, update,
                                  roll back (tools/INSTALL.md)
    MAINTAINERS.md                the maintainer guide (docs/maintainer-guide.md), with its
                                  translations (MAINTAINERS.az.md, ...) and the guides it
                                  links to (authoring.md, ...): every link resolves in the zip
    gift/ct-<audience>-<lang>.gift         question banks for Moodle (make gift)
    scorm/ct-<audience>-<lang>-scorm12.zip SCORM 1.2 packages (make scorm)
    SHA256SUMS                    checksums of every other file: `sha256sum -c SHA256SUMS`

A site built for the placeholder address of mkdocs.yml (PLACEHOLDER_URL below) is refused:
its sitemap and canonical links would point search engines at a site that does not exist.

The server snippets are written by the build beside the site, into site-server/ (never into
the published site/; hooks/elearning/site/server_config.py names that folder and its files); the
bundle puts them at its top. content_version is extra.content_version of mkdocs.yml. Standard
library and PyYAML only (server_config.py is read for the names; it needs Jinja only to write).
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import re
import sys
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
from elearning.site.server_config import SERVER_FILES, server_folder  # noqa: E402  (the one name)

GUIDE_NAME = "MAINTAINERS.md"
INSTALL_NAME = "INSTALL.md"
SUMS_NAME = "SHA256SUMS"
PLACEHOLDER_URL = "https://elearning.example.az/elearning/"  # site_url shipped in mkdocs.yml
# A relative link in Markdown: [text](target) outside code.
LINK = re.compile(r"\]\((?P<target>[^()\s#]+)(?P<anchor>#[^()\s]*)?\)")
CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|`[^`\n]*`", re.MULTILINE | re.DOTALL)


class BundleError(Exception):
    """A problem the person running the tool can fix; printed without a traceback."""


class _ConfigLoader(yaml.SafeLoader):
    """Safe loading of mkdocs.yml: tags that would run code (!!python/name:...) and MkDocs'
    own tags (!ENV, !relative) become None instead of failing or running anything."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def content_version(config: Path) -> str:
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except FileNotFoundError:
        raise BundleError(f"{config} not found: run the tool from the project, or pass --config")
    except yaml.YAMLError as error:
        raise BundleError(f"{config} is not valid YAML: {error}")
    version = (data.get("extra") or {}).get("content_version")
    if version is None or not str(version).strip():
        raise BundleError(f"{config} has no extra.content_version: add one (for example "
                          '`content_version: "1.0"` under `extra:`)')
    version = str(version).strip()
    if any(c in version for c in '/\\:*?"<>| '):
        raise BundleError(f"extra.content_version {version!r} cannot be part of a file name")
    return version


def site_files(site: Path) -> list[Path]:
    """Every file of the built site, in a stable order."""
    files = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site)
        if not path.is_file():
            continue
        name = relative.as_posix()
        if "\n" in name or "\\" in name:  # sha256sum would escape these names
            raise BundleError(f"unsupported file name in the site: {name!r}")
        files.append(path)
    return files


def check_inputs(site: Path, guide: Path) -> None:
    if not (site / "index.html").is_file():
        raise BundleError(f"no built site in {site}: run `make site` first")
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        raise BundleError(f"{sitemap} is missing: run `make site` again with the current hooks")
    if PLACEHOLDER_URL in sitemap.read_text(encoding="utf-8"):
        raise BundleError(
            f"the site was built for the example address {PLACEHOLDER_URL}, not for the "
            "portal. Set the portal's address first, either once in mkdocs.yml, on the line\n"
            f'    site_url: !ENV [SITE_URL, "{PLACEHOLDER_URL}"]\n'
            "(replace the address in quotes), or for this bundle only:\n"
            "    make bundle SITE_URL=https://<portal>/elearning/\n"
            "(see 'Publish' in docs/maintainer-guide.md)")
    missing = [name for name in SERVER_FILES if not (server_folder(site) / name).is_file()]
    if missing:
        raise BundleError(f"{server_folder(site)} lacks {', '.join(missing)}: the build writes "
                          "them; run `make site` again with the current hooks")
    if not guide.is_file():
        raise BundleError(f"the maintainer guide {guide} is missing: write it (it goes into the "
                          f"bundle as {GUIDE_NAME}), or pass --guide")


def guides(guide: Path) -> list[tuple[str, bytes]]:
    """The maintainer guide as MAINTAINERS.md, its translations beside it
    (maintainer-guide.az.md -> MAINTAINERS.az.md) and every guide they link to, found again
    in the guide's folder, with the links between them rewritten to these names."""
    folder, stem = guide.parent, guide.name.removesuffix(".md")
    names = {guide.name: GUIDE_NAME}
    for translation in sorted(folder.glob(f"{stem}.*.md")):
        language = translation.name.removeprefix(stem + ".").removesuffix(".md")
        names[translation.name] = GUIDE_NAME.replace(".md", f".{language}.md")
    waiting, found = list(names), {}
    while waiting:
        name = waiting.pop()
        text = (folder / name).read_text(encoding="utf-8-sig")
        for target in _links(text):
            if target not in names:
                if not (folder / target).is_file() or "/" in target:
                    raise BundleError(f"{folder / name} links to {target}, which is not a "
                                      f"guide in {folder}: the link would break in the bundle")
                names[target] = target
                waiting.append(target)
        found[name] = text

    def renamed(match: re.Match) -> str:
        target = match["target"]
        return f"]({names.get(target, target)}{match['anchor'] or ''})"

    return [(names[name], _outside_code(text, lambda part: LINK.sub(renamed, part)).encode("utf-8"))
            for name, text in found.items()]


def _links(text: str) -> list[str]:
    """The relative link targets of a Markdown text, outside code."""
    found: list[str] = []
    _outside_code(text, lambda part: found.extend(
        m["target"] for m in LINK.finditer(part) if ":" not in m["target"]) or part)
    return found


def _outside_code(text: str, change) -> str:
    """`text` with `change` applied to what is not code (fenced or inline)."""
    out, end = [], 0
    for code in CODE.finditer(text):
        out += [change(text[end:code.start()]), code.group(0)]
        end = code.end()
    return "".join(out + [change(text[end:])])


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def platform_files(dist: Path | None) -> list[tuple[str, bytes]]:
    """For learning platforms: dist/gift/*.gift (question banks) and dist/scorm/*.zip (SCORM
    packages), as `make gift` and `make scorm` write them; none if not made."""
    if dist is None:
        return []
    return [(f"{kind}/{path.name}", path.read_bytes())
            for kind, pattern in (("gift", "*.gift"), ("scorm", "*.zip"))
            for path in sorted((dist / kind).glob(pattern))]


def bundle(site: Path, out: Path, config: Path, guide: Path,
           day: datetime.date | None = None, platforms: Path | None = None) -> Path:
    """Write the zip into out and return its path."""
    site, out = site.resolve(), out.resolve()
    check_inputs(site, guide)
    day = day or datetime.date.today()
    name = f"ct-elearning-{content_version(config)}-{day.isoformat()}"
    # (path in the bundle, bytes), SHA256SUMS last.
    entries: list[tuple[str, bytes]] = [
        (f"site/{path.relative_to(site).as_posix()}", path.read_bytes())
        for path in site_files(site)]
    entries += [(server_file, (server_folder(site) / server_file).read_bytes())
                for server_file in SERVER_FILES]
    entries += guides(guide)
    entries.append((INSTALL_NAME, (ROOT / "tools" / INSTALL_NAME).read_bytes()))
    entries += platform_files(platforms)
    entries.sort()
    sums = "".join(f"{sha256(data)}  {path}\n" for path, data in entries)
    entries.append((SUMS_NAME, sums.encode("ascii")))

    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{name}.zip"
    partial = target.with_suffix(".zip.partial")
    stamp = (day.year, day.month, day.day, 0, 0, 0)  # the same bytes for the same content
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        folders = sorted({f"{name}/{'/'.join(path.split('/')[:i])}/"
                          for path, _ in entries for i in range(1, path.count("/") + 1)})
        for folder in [f"{name}/", *folders]:
            info = zipfile.ZipInfo(folder, stamp)
            info.external_attr = (0o40755 << 16) | 0x10  # a directory, rwxr-xr-x
            zf.writestr(info, b"")
        for path, data in entries:
            info = zipfile.ZipInfo(f"{name}/{path}", stamp)
            info.external_attr = 0o100644 << 16  # world-readable: web servers run as nobody
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    partial.replace(target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pack the built site, its web server "
                                     "snippets and the maintainer guide into dist/*.zip.")
    parser.add_argument("--site", type=Path, default=ROOT / "site",
                        help="the built site (default: site/)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist",
                        help="where the zip goes (default: dist/)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml",
                        help="mkdocs.yml, for extra.content_version (default: mkdocs.yml)")
    parser.add_argument("--guide", type=Path, default=ROOT / "docs" / "maintainer-guide.md",
                        help="the maintainer guide (default: docs/maintainer-guide.md)")
    parser.add_argument("--platforms", type=Path, default=ROOT / "dist",
                        help="the folder with gift/ and scorm/ (default: dist/)")
    args = parser.parse_args(argv)
    try:
        target = bundle(args.site, args.out, args.config, args.guide, platforms=args.platforms)
    except BundleError as error:
        print(f"bundle: {error}", file=sys.stderr)
        return 1
    print(f"Bundle written: {target}")
    print(f"  Unpack it and check it: unzip {target.name} && cd {target.stem} "
          f"&& sha256sum -c {SUMS_NAME}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
