"""The web server files written beside the built site (server_config.py)."""
import re

from elearning.site import server_config
from tests.webserver import check_nginx_config, free_port, nginx_binary, nginx_config

POLICY = "default-src 'self'; script-src 'self' 'sha256-AAAA'; style-src 'self'"


def a_site(folder):
    site = folder / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    return site


def test_server_files(tmp_path):
    site = a_site(tmp_path)
    server_config.write_server_files(site, POLICY, "/training/ct/")
    folder = server_config.server_folder(site)
    assert folder == tmp_path / "site-server"  # the one name, beside the site, never in it
    assert sorted(p.name for p in folder.iterdir()) == sorted(server_config.SERVER_FILES)
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (folder / "content-security-policy.txt").read_text() == \
        f"Content-Security-Policy: {POLICY}\n"
    nginx = (folder / "nginx.conf").read_text()
    assert "location /training/ct/ {" in nginx and "location = /training/ct {" in nginx
    assert f'add_header Content-Security-Policy "{POLICY}" always;' in nginx
    for line in ("charset utf-8;", "gzip on;", "index index.html;", "default_type ",
                 "expires epoch;", "expires 1y;",
                 f"alias {server_config.NGINX_SITE_PLACEHOLDER};"):
        assert line in nginx, line
    for name, value in server_config.HEADERS:  # in the location and in the 404 page's
        assert nginx.count(f'add_header {name} "{value}" always;') == 2, name
    apache = (folder / "apache.htaccess").read_text()
    assert f'Header always set Content-Security-Policy "{POLICY}"' in apache
    for line in ("AddDefaultCharset utf-8", "AddOutputFilterByType DEFLATE text/html",
                 "DirectoryIndex index.html", "Cache-Control",
                 "ErrorDocument 404 /training/ct/404.html"):
        assert line in apache, line
    # A hashed bundle name matches the long-cache pattern; our own files do not.
    assert re.search(server_config.HASHED_FILE_PATTERN, "assets/javascripts/bundle.a5f9d56c.min.js")
    assert not re.search(server_config.HASHED_FILE_PATTERN, "javascripts/quiz.js")


def test_a_site_at_the_portal_s_root_gets_no_redirect(tmp_path):
    nginx = server_config.nginx_location(POLICY, "")
    assert "location / {" in nginx and "return 301" not in nginx
    assert "{{" not in nginx and "{%" not in nginx


def test_generated_nginx_conf_passes_nginx_t(tmp_path_factory):
    nginx = nginx_binary()
    site = a_site(tmp_path_factory.mktemp("site"))
    server_config.write_server_files(site, POLICY)
    folder = tmp_path_factory.mktemp("nginx-t")
    result = check_nginx_config(nginx, nginx_config(folder, site, free_port()))
    assert result.returncode == 0, result.stderr
    assert "[warn]" not in result.stderr and "[emerg]" not in result.stderr, result.stderr
