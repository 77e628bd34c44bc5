"""A generated batch of test result files for the trainer's results page (tests and
benchmark), and the group statistics computed here independently of the page's script.

The questions are those of tests/helpers.py TESTS_CURRICULUM."""
from __future__ import annotations

import json
import random
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from statistics import mean

# question id -> (module, number of options, right options by written number)
QUESTIONS = {
    "a-t1": ("alpha", 4, [3]), "a-t2": ("alpha", 4, [1, 3]), "a-t3": ("alpha", 3, [2]),
    "b-t1": ("beta", 3, [1]), "b-t2": ("beta", 4, [4]),
}
MODULES = ["alpha", "beta"]
COURSES = ["municipalities", "employers"]
CODE_CHARS = "ACDEFGHJKMNPQRTUVWXY34679"
START = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def result(kind, course, learner, language, moment, chosen, version=2):
    questions, modules = [], []
    for module in MODULES:
        right = 0
        ids = [q for q, (m, _, _) in QUESTIONS.items() if m == module]
        for question in ids:
            _, options, key = QUESTIONS[question]
            correct = sorted(chosen[question]) == key
            right += correct
            entry = {"id": question, "module": module, "chosen": sorted(chosen[question]),
                     "correct": correct}
            if version >= 2:
                entry["options"] = options
            questions.append(entry)
        modules.append({"module": module, "correct": right, "total": len(ids),
                        "percent": round(100 * right / len(ids))})
    total = sum(q["correct"] for q in questions)
    data = {"format": "ct-elearning-test-result", "version": version, "kind": kind,
            "course": course, "language": language, "date": stamp(moment),
            "questions": questions, "modules": modules,
            "score": {"correct": total, "total": len(questions),
                      "percent": round(100 * total / len(questions))}}
    if version >= 2:
        data.update(learner=learner, content_version="1.0",
                    started=stamp(moment - timedelta(minutes=12)))
    return data


def answers(rng: random.Random, skill: float) -> dict:
    chosen = {}
    for question, (_, options, key) in QUESTIONS.items():
        if rng.random() < skill:
            chosen[question] = list(key)
        else:
            wrong = [n for n in range(1, options + 1) if n not in key]
            chosen[question] = [rng.choice(wrong)]
    return chosen


def make_batch(learners: int = 40, seed: int = 7) -> tuple[list[tuple[str, str]], dict]:
    """[(file name, text)] and what is in it: {"invalid": {name: reason}, "duplicates": n}."""
    rng = random.Random(seed)
    files: list[tuple[str, str]] = []
    codes = set()
    while len(codes) < learners:
        codes.add("".join(rng.choice(CODE_CHARS) for _ in range(6)))
    for index, plain in enumerate(sorted(codes)):
        code = plain[:3] + "-" + plain[3:]
        course = COURSES[index % 2]
        language = ["en", "az", "ru"][index % 3]
        day = START + timedelta(days=index % 5, minutes=index)
        shape = index % 10  # 0-6 both tests, 7 pre only, 8 final only, 9 final before pre
        kinds = {7: ["pre"], 8: ["final"]}.get(shape, ["pre", "final"])
        for kind in kinds:
            moment = day + timedelta(hours=6 if kind == "final" else 0)
            if shape == 9:
                moment = day + timedelta(hours=6 if kind == "pre" else 0)
            data = result(kind, course, code, language, moment,
                          answers(rng, 0.35 if kind == "pre" else 0.8))
            files.append((f"ct-elearning-{course}-{kind}-test-{code}.json",
                          json.dumps(data, indent=2, ensure_ascii=False)))
        if index % 13 == 0:  # a learner who took the pre-test twice: the earliest counts
            again = result("pre", course, code, language, day + timedelta(hours=3), answers(rng, 0.9))
            files.append((f"again-{code}.json", json.dumps(again)))
    for index in range(4):  # version 1 files: no learner code, never paired
        kind = "pre" if index % 2 == 0 else "final"
        data = result(kind, COURSES[index % 2], None, "en", START + timedelta(hours=index),
                      answers(rng, 0.5), version=1)
        files.append((f"old-v1-{index}.json", json.dumps(data)))
    duplicates = [files[3], files[10], files[10]]
    files += [("copy-" + name, text) for name, text in duplicates]
    invalid = {
        "notes.json": ("{ this is not json", "not_json"),
        "progress.json": (json.dumps({"format": "ct-elearning-progress", "version": 2}), "not_result"),
        "future.json": (json.dumps(dict(json.loads(files[0][1]), version=3)), "future_version"),
        "police-course.json": (json.dumps(dict(json.loads(files[0][1]), course="police")),
                               "unknown_course"),
        "broken.json": (json.dumps(dict(json.loads(files[0][1]), questions=None)), "incomplete"),
    }
    files += [(name, text) for name, (text, _) in invalid.items()]
    return files, {"invalid": {name: reason for name, (_, reason) in invalid.items()},
                   "duplicates": len(duplicates)}


def expected(files: list[tuple[str, str]], language: str | None = None) -> dict:
    """The statistics per course, computed without the page's script."""
    seen, used = set(), []
    for name, text in files:
        try:
            data = json.loads(text)
        except ValueError:
            continue
        if not isinstance(data, dict) or data.get("format") != "ct-elearning-test-result" \
                or data.get("version") not in (1, 2) or data.get("course") not in COURSES \
                or not isinstance(data.get("questions"), list):
            continue
        key = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if key in seen:
            continue
        seen.add(key)
        if language is None or data["language"] == language:
            used.append((name, data))
    courses = {}
    for course in COURSES:
        people = defaultdict(lambda: {"pre": [], "final": []})
        for name, data in used:
            if data["course"] == course:
                who = ("code", data["learner"]) if data["version"] == 2 else ("file", name)
                people[who][data["kind"]].append(data)
        rows = []
        for (sort, who), tests in people.items():
            pre = min(tests["pre"], key=lambda d: d["date"]) if tests["pre"] else None
            final = max(tests["final"], key=lambda d: d["date"]) if tests["final"] else None
            paired = sort == "code" and pre and final and pre["date"] <= final["date"]
            rows.append({"learner": who, "pre": pre, "final": final, "paired": bool(paired)})
        if not rows:
            continue
        pres = [r["pre"]["score"]["percent"] for r in rows if r["pre"]]
        finals = [r["final"]["score"]["percent"] for r in rows if r["final"]]
        paired = [r for r in rows if r["paired"]]
        gains = [r["final"]["score"]["percent"] - r["pre"]["score"]["percent"] for r in paired]
        paired_pre = mean(r["pre"]["score"]["percent"] for r in paired)
        paired_final = mean(r["final"]["score"]["percent"] for r in paired)
        questions = {}
        for question in QUESTIONS:
            entry = {}
            for kind in ("pre", "final"):
                answered = [q for r in rows if r[kind] for q in r[kind]["questions"]
                            if q["id"] == question]
                counts = defaultdict(int)
                for q in answered:
                    for number in q["chosen"]:
                        counts[number] += 1
                entry[kind] = {"n": len(answered),
                               "percent": 100 * sum(q["correct"] for q in answered) / len(answered)
                               if answered else None, "counts": dict(counts)}
            questions[question] = entry
        modules = {m: {kind: mean([x["percent"] for r in rows if r[kind]
                                   for x in r[kind]["modules"] if x["module"] == m])
                       for kind in ("pre", "final")} for m in MODULES}
        courses[course] = {
            "learners": len(rows), "pre": len(pres), "final": len(finals), "paired": len(paired),
            "mean_pre": mean(pres), "mean_final": mean(finals), "mean_gain": mean(gains),
            "normalised_gain": (paired_final - paired_pre) / (100 - paired_pre),
            "improved": 100 * sum(g > 0 for g in gains) / len(gains),
            "distribution": {kind: [sum(1 for v in values if min(9, v // 10) == band)
                                    for band in range(10)]
                             for kind, values in (("pre", pres), ("final", finals))},
            "modules": modules, "questions": questions, "rows": rows,
        }
    return courses
