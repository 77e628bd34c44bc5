"""tools/bundle.py on the real built site: a zip the IT team can check and serve as it is."""
from __future__ import annotations

import datetime
import hashlib
import importlib.util
import shutil
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest
import yaml

from elearning.site import server_config
from tests.conftest import ROOT, SUB_PATH
from tests.webserver import site_with_server_files, static_server

TOOL = ROOT / "tools" / "bundle.py"
DEEP_PAGE = "ru/courses/employers/first-contact.html"


def run_bundle(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def site(built_site, tmp_path_factory) -> Path:
    return site_with_server_files(built_site, tmp_path_factory.mktemp("bundled"))


@pytest.fixture(scope="module")
def guide(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("guide") / "maintainer-guide.md"
    path.write_text("# Maintaining the site\n\nA stand-in for docs/maintainer-guide.md.\n",
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def platforms(tmp_path_factory) -> Path:
    """What `make gift` and `make scorm` leave in dist/ (stand-ins with known bytes)."""
    dist = tmp_path_factory.mktemp("platforms")
    (dist / "gift").mkdir()
    (dist / "scorm").mkdir()
    (dist / "gift" / "ct-employers-az.gift").write_text("// a question bank\n", encoding="utf-8")
    (dist / "scorm" / "ct-employers-az-scorm12.zip").write_bytes(b"PK stand-in")
    return dist


@pytest.fixture(scope="module")
def bundle_zip(site, guide, platforms, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = run_bundle("--site", str(site), "--out", str(out), "--guide", str(guide),
                        "--platforms", str(platforms))
    assert result.returncode == 0, result.stderr
    zips = list(out.glob("*.zip"))
    assert len(zips) == 1 and str(zips[0]) in result.stdout
    assert list(out.iterdir()) == zips  # no partial file left behind
    return zips[0]


@pytest.fixture(scope="module")
def unpacked(bundle_zip, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(bundle_zip) as archive:
        assert archive.testzip() is None
        archive.extractall(target)
    (folder,) = target.iterdir()  # one folder, named as the zip
    assert bundle_zip.name == folder.name + ".zip"
    return folder


def test_name_has_content_version_and_date(unpacked):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    version = config["extra"]["content_version"]
    assert unpacked.name == f"ct-elearning-{version}-{datetime.date.today().isoformat()}"


def test_every_file_has_a_correct_checksum(unpacked):
    listed = {}
    for line in (unpacked / "SHA256SUMS").read_text(encoding="ascii").splitlines():
        digest, path = line.split("  ", 1)
        listed[path] = digest
    files = {path.relative_to(unpacked).as_posix() for path in unpacked.rglob("*")
             if path.is_file()}
    assert set(listed) == files - {"SHA256SUMS"}
    for path, digest in listed.items():
        assert hashlib.sha256((unpacked / path).read_bytes()).hexdigest() == digest, path
    if shutil.which("sha256sum"):  # the format the IT team checks with
        check = subprocess.run(["sha256sum", "--check", "--quiet", "--strict", "SHA256SUMS"],
                               cwd=unpacked, capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr


def test_the_site_and_the_snippets_are_there(unpacked, site, guide):
    assert not server_config.server_folder(site).is_relative_to(site)
    built = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    bundled = {p.relative_to(unpacked / "site").as_posix()
               for p in (unpacked / "site").rglob("*") if p.is_file()}
    assert bundled == built
    for name in ("content-security-policy.txt", "nginx.conf", "apache.htaccess"):
        assert (unpacked / name).read_bytes() == \
            (server_config.server_folder(site) / name).read_bytes(), name
    policy = (unpacked / "content-security-policy.txt").read_text(encoding="utf-8")
    assert policy.startswith("Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-")
    policy = policy.removeprefix("Content-Security-Policy: ").strip()
    assert f'add_header Content-Security-Policy "{policy}" always;' in \
        (unpacked / "nginx.conf").read_text(encoding="utf-8")
    assert f'Header always set Content-Security-Policy "{policy}"' in \
        (unpacked / "apache.htaccess").read_text(encoding="utf-8")
    assert (unpacked / "MAINTAINERS.md").read_bytes() == guide.read_bytes()


def test_question_banks_and_scorm_packages_are_there(unpacked, platforms):
    for name in ("gift/ct-employers-az.gift", "scorm/ct-employers-az-scorm12.zip"):
        assert (unpacked / name).read_bytes() == (platforms / name).read_bytes(), name


def test_unzip_makes_files_world_readable(bundle_zip):
    """Web servers started by root read the files as nobody (zipfile ignores the modes
    when extracting; unzip applies them)."""
    with zipfile.ZipFile(bundle_zip) as archive:
        modes = {info.filename: info.external_attr >> 16 for info in archive.infolist()}
    assert all(mode & 0o444 == 0o444 for mode in modes.values())
    assert all(mode & 0o111 == 0o111 for name, mode in modes.items() if name.endswith("/"))


def test_unpacked_site_serves_under_a_sub_path(unpacked, tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    (root / SUB_PATH).symlink_to(unpacked / "site", target_is_directory=True)
    server = static_server(root)
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
        for path in ("index.html", DEEP_PAGE):
            with urllib.request.urlopen(base + path, timeout=10) as response:
                assert response.status == 200, path
                assert b"</html>" in response.read(), path
    finally:
        server.shutdown()
        server.server_close()


def test_a_missing_guide_stops_with_a_clear_message(site, tmp_path):
    result = run_bundle("--site", str(site), "--out", str(tmp_path / "dist"),
                        "--guide", str(tmp_path / "maintainer-guide.md"))
    assert result.returncode == 1
    assert "maintainer guide" in result.stderr and "missing" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "dist").exists() or not list((tmp_path / "dist").iterdir())


def test_a_site_without_server_files_asks_for_a_new_build(built_site, guide, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)  # without the server files beside it
    result = run_bundle("--site", str(site), "--out", str(tmp_path / "dist"),
                        "--guide", str(guide))
    assert result.returncode == 1 and "make site" in result.stderr, result.stderr


def test_python_tags_in_mkdocs_yml_are_ignored_not_run(tmp_path):
    spec = importlib.util.spec_from_file_location("ct_bundle_tool", TOOL)
    bundle = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bundle)
    config = tmp_path / "mkdocs.yml"
    config.write_text('site_dir: !ENV [SITE, site]\nmarkdown_extensions:\n  - pymdownx.emoji:\n'
                      '      emoji_index: !!python/name:material.extensions.emoji.twemoji\n'
                      'extra:\n  content_version: "2.1"\n', encoding="utf-8")
    assert bundle.content_version(config) == "2.1"
    config.write_text("extra: {}\n", encoding="utf-8")
    with pytest.raises(bundle.BundleError, match="content_version"):
        bundle.content_version(config)


@pytest.fixture(scope="module")
def unpacked_with_guides(site, tmp_path_factory) -> Path:
    """The bundle with the real maintainer guide (docs/maintainer-guide.md)."""
    out = tmp_path_factory.mktemp("dist-guides")
    result = run_bundle("--site", str(site), "--out", str(out))
    assert result.returncode == 0, result.stderr
    target = tmp_path_factory.mktemp("unpacked-guides")
    with zipfile.ZipFile(next(out.glob("*.zip"))) as archive:
        archive.extractall(target)
    (folder,) = target.iterdir()
    return folder


def test_every_link_in_the_guides_of_the_zip_resolves_inside_it(unpacked_with_guides):
    spec = importlib.util.spec_from_file_location("ct_bundle_tool", TOOL)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    guides = sorted(unpacked_with_guides.glob("*.md"))
    names = {path.name for path in guides}
    assert {"MAINTAINERS.md", "MAINTAINERS.az.md", "MAINTAINERS.ru.md", "INSTALL.md",
            "authoring.md"} <= names, names
    checked = 0
    for guide in guides:
        for target in tool._links(guide.read_text(encoding="utf-8")):
            assert (unpacked_with_guides / target).is_file(), f"{guide.name} -> {target}"
            checked += 1
    assert checked >= 10  # the maintainer guides link to the authoring guide and others


def test_install_tells_the_it_team_every_step(unpacked_with_guides):
    install = (unpacked_with_guides / "INSTALL.md").read_text(encoding="utf-8")
    for step in ("sha256sum -c", "nginx.conf", "apache.htaccess", "Content-Security-Policy",
                 "X-Content-Type-Options", "Check that it works", "roll back", "ln -sfn"):
        assert step in install, step
    for name in ("nginx.conf", "apache.htaccess", "content-security-policy.txt", "SHA256SUMS",
                 "MAINTAINERS.md", "site"):  # every file it names is in the zip
        assert (unpacked_with_guides / name).exists(), name


def test_a_site_built_for_the_portals_address_is_accepted(unpacked):
    from tests.conftest import SITE_URL
    sitemap = (unpacked / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert SITE_URL + "index.html" in sitemap and "elearning.example.az" not in sitemap


def test_make_passes_site_url_to_the_build():
    dry = subprocess.run(["make", "-n", "bundle", "SITE_URL=https://portal.example.org/e/"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "SITE_URL=https://portal.example.org/e/ NO_MKDOCS_2_WARNING=1" in dry.stdout, dry.stdout
