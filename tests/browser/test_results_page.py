"""The trainer's results page in Chromium: a generated batch of result files (tests/
results_batch.py: 40 learners, some unpaired, version 1 files, duplicates, invalid files)
loaded by file picker, the figures shown and exported checked against statistics computed
independently in Python."""
import csv
import io
import subprocess

import pytest

from tests.results_batch import QUESTIONS, expected, make_batch

PAGE = "trainers/results.html"


def one(value):
    """As the page and the CSV files write a number: a dot and one decimal."""
    return "" if value is None else f"{round(value * 10 + 1e-9) / 10:.1f}"


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    files, facts = make_batch(40)
    folder = tmp_path_factory.mktemp("results")
    paths = []
    for name, text in files:
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    return files, facts, paths


def load(page, paths):
    page.locator(".results-load__files").set_input_files(paths)
    page.wait_for_function("document.querySelector('.results-load__status').textContent.includes('used')")


def test_statistics_match_figures_computed_independently(open_page, tests_site, batch):
    """The statistics script on its own (results-stats.js), for each course and language."""
    files, facts, _ = batch
    page, _ = open_page(tests_site.as_uri() + "/", PAGE)
    for language in (None, "az"):
        out = page.evaluate("""([files, language]) => {
          const site = JSON.parse(document.querySelector("script.results-data").textContent)
          const collector = new CTEResults.Collector(site.courses)
          files.forEach(([name, text]) => collector.add(name, text, text.length))
          return {rejected: collector.rejected, duplicates: collector.duplicates,
                  report: CTEResults.aggregate(collector.results, site.courses, language),
                  items: CTEResults.itemsCsv(CTEResults.aggregate(collector.results, site.courses, language), language || "")}
        }""", [files, language])
        assert {r["name"]: r["reason"] for r in out["rejected"]} == facts["invalid"]
        assert out["duplicates"] == facts["duplicates"]
        want = expected(files, language)
        assert [c["id"] for c in out["report"]] == list(want)
        for course in out["report"]:
            figures = want[course["id"]]
            assert (course["nLearners"], course["nPre"], course["nFinal"], course["nPaired"]) == \
                (figures["learners"], figures["pre"], figures["final"], figures["paired"])
            for mine, theirs in (("meanPre", "mean_pre"), ("meanFinal", "mean_final"),
                                 ("meanGain", "mean_gain"), ("normalisedGain", "normalised_gain"),
                                 ("improved", "improved")):
                assert course[mine] == pytest.approx(figures[theirs]), mine
            assert course["distribution"] == figures["distribution"]
            for module in course["modules"]:
                assert module["pre"] == pytest.approx(figures["modules"][module["module"]]["pre"])
                assert module["final"] == pytest.approx(figures["modules"][module["module"]]["final"])
            assert [q["id"] for q in course["questions"]] == list(QUESTIONS)
            for question in course["questions"]:
                theirs = figures["questions"][question["id"]]
                assert question["nPre"] == theirs["pre"]["n"]
                assert question["pre"] == pytest.approx(theirs["pre"]["percent"])
                assert question["final"] == pytest.approx(theirs["final"]["percent"])
                assert {int(k): v for k, v in question["preCounts"].items()} == theirs["pre"]["counts"]
                assert {int(k): v for k, v in question["finalCounts"].items()} == theirs["final"]["counts"]
                flags = set(question["flags"])
                assert ("worse_after" in flags) == (theirs["final"]["percent"] < theirs["pre"]["percent"])
                assert ("mostly_wrong_after" in flags) == (theirs["final"]["percent"] < 50)
                assert ("nearly_all_right_before" in flags) == (theirs["pre"]["percent"] >= 90)
        assert out["items"].startswith("\ufeffcourse,language,module,question,n_pre,"
                                       "pre_correct_percent,n_final,final_correct_percent")


def summary(page):
    rows = page.locator(".results-course .results-summary tbody tr")
    return {row.get_attribute("data-figure"): row.locator("td").inner_text()
            for row in rows.all()}


def test_page_shows_the_batch_and_exports_both_csv_files(open_page, tests_root, batch, tmp_path):
    files, facts, paths = batch
    page, traffic = open_page(tests_root, PAGE)
    load(page, paths)
    status = page.locator(".results-load__status").inner_text()
    used = len(files) - len(facts["invalid"]) - facts["duplicates"]
    assert f"{used} result files used; 3 duplicates counted once; 5 files not used." == status
    rejected = page.locator(".results-rejected li").all_text_contents()
    assert "notes.json: not a JSON file, or damaged" in rejected
    assert "police-course.json: a course this site does not have" in rejected
    assert "future.json: made by a newer version of the site (update this site)" in rejected
    assert len(rejected) == 5

    want = expected(files)
    for course in ("municipalities", "employers"):
        page.locator(".results-tools__course").select_option(course)
        figures = want[course]
        shown = summary(page)
        assert shown["learners"] == str(figures["learners"])
        assert shown["paired"] == str(figures["paired"])
        assert shown["mean_pre"] == one(figures["mean_pre"]) + " %"
        assert shown["mean_gain"] == one(figures["mean_gain"])
        assert shown["normalised_gain"] == one(figures["normalised_gain"] * 100) + " %"
        assert shown["improved"] == one(figures["improved"]) + " %"
        alpha = page.locator(".results-modules tr[data-module=alpha] td").all_inner_texts()
        assert alpha[0].startswith(one(figures["modules"]["alpha"]["pre"]))

    with page.expect_download() as download:
        page.locator(".results-tools__items").click()
    assert download.value.suggested_filename == "items.csv"
    raw = download.value.path().read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark, for Excel
    items = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(items[0])[:8] == ["course", "language", "module", "question", "n_pre",
                                  "pre_correct_percent", "n_final", "final_correct_percent"]
    assert [r["question"] for r in items] == list(QUESTIONS)
    for row in items:
        theirs = want["employers"]["questions"][row["question"]]
        assert row["course"] == "employers" and row["language"] == "all"
        assert row["n_pre"] == str(theirs["pre"]["n"])
        assert row["pre_correct_percent"] == one(theirs["pre"]["percent"])
        assert row["final_correct_percent"] == one(theirs["final"]["percent"])
    assert items[0]["question_text"] == "Alpha one?"

    with page.expect_download() as download:
        page.locator(".results-tools__learners").click()
    text = download.value.path().read_bytes().decode("utf-8-sig")
    learners = list(csv.DictReader(io.StringIO(text)))
    assert list(learners[0])[:6] == ["learner", "course", "language", "pre_percent",
                                     "final_percent", "gain"]
    assert len(learners) == want["employers"]["learners"]
    paired = [r for r in learners if r["paired"] == "yes"]
    assert len(paired) == want["employers"]["paired"]
    for row in paired:
        assert float(row["gain"]) == pytest.approx(float(row["final_percent"]) - float(row["pre_percent"]))
        assert row["gain"].count(".") == 1 and len(row["gain"].split(".")[1]) == 1

    page.locator(".results-tools__language").select_option("az")
    assert summary(page)["learners"] == str(expected(files, "az")["employers"]["learners"])
    assert traffic.outside() == [] and traffic.console == []


def test_the_report_prints_on_a4(open_page, tests_site, batch, tmp_path):
    _, _, paths = batch
    page, _ = open_page(tests_site.as_uri() + "/", PAGE)
    load(page, paths)
    pdf = tmp_path / "report.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "By module" in text and "Open result files" not in text


def test_five_hundred_files_load_without_freezing_the_page(open_page, tests_site, tmp_path):
    files, _ = make_batch(250, seed=11)
    paths = []
    for name, text in files[:500]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    page, traffic = open_page(tests_site.as_uri() + "/", PAGE)
    # The longest time the page did not paint while the files were read.
    page.evaluate("""() => {
      window.__gaps = []; let last = performance.now()
      const tick = now => { window.__gaps.push(now - last); last = now; window.__raf = requestAnimationFrame(tick) }
      window.__raf = requestAnimationFrame(tick)
    }""")
    load(page, paths)
    longest = page.evaluate("cancelAnimationFrame(window.__raf) || Math.max(...window.__gaps)")
    assert page.locator(".results-course").count() == 1
    assert longest < 1000, longest
    assert traffic.console == []


def test_keyboard_reaches_every_control_and_charts_are_tables(open_page, tests_site_url, batch):
    from tests.browser.test_accessibility import serious
    _, _, paths = batch
    page, _ = open_page(tests_site_url, PAGE)
    load(page, paths)
    assert serious(page) == []
    for table in page.locator(".results-course table").all():
        assert table.locator("caption").inner_text().strip()
        assert table.locator("th[scope=col]").count() >= 2
    focused = set()
    for _ in range(80):
        page.keyboard.press("Tab")
        focused.add(page.evaluate("document.activeElement.className || document.activeElement.tagName"))
    for control in ("results-load__files", "results-tools__course", "results-tools__items",
                    "results-tools__print"):
        assert any(control in name for name in focused), control
