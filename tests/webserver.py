"""The built site with its server files, and Debian's nginx running the generated nginx.conf.

If the build did not write <site>-server/ beside the site, `site_with_server_files` writes it (with the
same functions the build calls) into a copy of the built site; the shared built site is
never changed.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from elearning.site import policy, server_config
from elearning.site.built_pages import BuiltPages

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that drops a download it no longer needs (a page left mid-load) is no
        # failure; anything else still prints its traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def static_server(folder: Path) -> http.server.ThreadingHTTPServer:
    """Python's file server on a free port, serving `folder`, started in a thread (the
    caller stops it with shutdown()); quiet unless something really fails."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/bin/nginx")


def policy_of(site: Path) -> str:
    """The Content-Security-Policy of a site already written, as the build computes it (the
    build stops on what check_inline_code refuses; here it raises the same error)."""
    return policy.content_security_policy(BuiltPages.of_folder(site).check_inline_code())


def site_with_server_files(built_site: Path, folder: Path) -> Path:
    """A copy of the built site in folder/site, with folder/site-server/ as the build writes it."""
    site = folder / "site"
    shutil.copytree(built_site, site)
    if server_config.server_folder(built_site).is_dir():
        shutil.copytree(server_config.server_folder(built_site), server_config.server_folder(site))
    if not (server_config.server_folder(site) / server_config.NGINX_FILE).is_file():
        server_config.write_server_files(site, policy_of(site))
    return site


def nginx_binary() -> str:
    """Debian's nginx; skips the test without it, fails it when CI=true."""
    found = shutil.which("nginx") or next(
        (path for path in NGINX_CANDIDATES if os.access(path, os.X_OK)), None)
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("nginx is missing: CI must test the site under the generated nginx.conf "
                    "(`make test` installs Debian's nginx as root).")
    pytest.skip("nginx is not installed (apt-get install -y nginx, or run `make test` as root)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_config(folder: Path, site: Path, port: int) -> Path:
    """A whole nginx.conf in folder: the generated location block inside a server block,
    with the pid file, logs and temporary files in folder (nothing of /etc/nginx but
    mime.types). `user root`: workers started by root would otherwise run as nobody and
    could not read pytest's private temporary folders (ignored, with a notice, when the
    tests do not run as root)."""
    snippet = (server_config.server_folder(site) / server_config.NGINX_FILE).read_text(
        encoding="utf-8")
    assert server_config.NGINX_SITE_PLACEHOLDER in snippet
    snippet = snippet.replace(server_config.NGINX_SITE_PLACEHOLDER, f"{site.resolve()}/")
    temp = folder / "temp"
    temp.mkdir(exist_ok=True)
    mime_types = "include /etc/nginx/mime.types;" if Path("/etc/nginx/mime.types").is_file() \
        else "types { text/html html; text/css css; application/javascript js; " \
             "application/json json; image/svg+xml svg; image/png png; }"
    config = folder / "nginx.conf"
    config.write_text(f"""\
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 64; }}
http {{
    {mime_types}
    access_log {folder}/access.log;
    client_body_temp_path {temp}/client_body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
{_indent(snippet, 8)}
    }}
}}
""", encoding="utf-8")
    return config


def _indent(text: str, spaces: int) -> str:
    return "\n".join((" " * spaces + line) if line else line for line in text.splitlines())


def check_nginx_config(nginx: str, config: Path) -> subprocess.CompletedProcess:
    return subprocess.run([nginx, "-t", "-p", str(config.parent), "-e", str(config.parent / "error.log"),
                           "-c", str(config)], capture_output=True, text=True, timeout=30)


class Nginx:
    """nginx in the foreground on 127.0.0.1:port; stop() ends it (and its worker)."""

    def __init__(self, nginx: str, config: Path, port: int):
        self.port = port
        self.config = config
        self.process = subprocess.Popen(
            [nginx, "-p", str(config.parent), "-e", str(config.parent / "error.log"),
             "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("nginx stopped: " + self.process.stderr.read()
                                   + self.error_log())
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("nginx did not start listening: " + self.error_log())

    def error_log(self) -> str:
        log = self.config.parent / "error.log"
        return log.read_text(errors="replace") if log.is_file() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # SIGTERM to the master: it ends its worker too
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.process.stderr:
            self.process.stderr.close()


@dataclass(frozen=True)
class Served:
    root: str     # http://127.0.0.1:<port>/elearning/
    policy: str   # the header nginx sends, as generated
    site: Path    # the folder nginx serves


def serve_with_nginx(built: Path, folder: Path):
    """nginx serving a copy of `built` under /elearning/ with the generated config; yields
    a Served, then stops nginx."""
    from tests.conftest import SUB_PATH
    nginx = nginx_binary()
    site = site_with_server_files(built, folder)
    policy_line = (server_config.server_folder(site) / server_config.POLICY_FILE).read_text(
        encoding="utf-8").strip()
    port = free_port()
    server = Nginx(nginx, nginx_config(folder, site, port), port)
    yield Served(f"http://127.0.0.1:{port}/{SUB_PATH}/",
                 policy_line.removeprefix("Content-Security-Policy: "), site)
    server.stop()
